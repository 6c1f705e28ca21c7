package dev.optoant.domain.convert;

import static dev.optoant.domain.convert.Invalid.at;
import static dev.optoant.domain.convert.Invalid.describe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.optoant.domain.anthropic.ContentBlock;
import dev.optoant.domain.anthropic.MessagesRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Refuses, with a 400 naming the field, any Anthropic request the conversion can't send upstream faithfully. */
final class MessagesRequestValidator {
    private final MessageSequenceValidator messages;

    MessagesRequestValidator(ConversionSettings settings) {
        this.messages = new MessageSequenceValidator(new BlockRules(settings));
    }

    /** {@code max_tokens} may be left out only where the request is not sent (token counting). */
    void validate(MessagesRequest request, boolean requireMaxTokens) {
        if (request == null) {
            throw at("body", "a JSON object is required");
        }
        if (request.model() == null || request.model().isBlank()) {
            throw at("model", "required");
        }
        if (request.maxTokens() == null && requireMaxTokens) {
            throw at("max_tokens", "required");
        }
        if (request.maxTokens() != null && request.maxTokens() < 1) {
            throw at("max_tokens", "must be at least 1, got " + request.maxTokens());
        }
        requireFinite("temperature", request.temperature());
        requireFinite("top_p", request.topP());
        if (request.messages() == null || request.messages().isEmpty()) {
            throw at("messages", "at least one message is required");
        }
        checkSystem(request.system());
        checkToolChoice(request.toolChoice(), checkTools(request.tools()));
        messages.validate(request.messages());
    }

    /** JSON has no infinity, but {@code 1e400} parses to one, and it can't be written back as JSON. */
    private static void requireFinite(String field, Double value) {
        if (value != null && !Double.isFinite(value)) {
            throw at(field, "must be a finite number");
        }
    }

    private static void checkSystem(List<ContentBlock> system) {
        if (system == null) {
            return;
        }
        for (int i = 0; i < system.size(); i++) {
            MessageSequenceValidator.checkSystemBlock("system.", i, system.get(i));
        }
    }

    /** Returns the names of the tools that will be sent: the client's own, not server tools. */
    private static Set<String> checkTools(List<MessagesRequest.Tool> tools) {
        if (tools == null || tools.isEmpty()) {
            return Set.of();
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < tools.size(); i++) {
            MessagesRequest.Tool tool = tools.get(i);
            String path = "tools." + i;
            if (tool == null) {
                throw at(path, "must be a tool object, got null");
            }
            if (!tool.custom()) {
                continue;
            }
            if (tool.name() == null || tool.name().isBlank()) {
                throw at(path + ".name", "required");
            }
            if (!names.add(tool.name())) {
                throw at(path + ".name", "duplicate tool name '" + tool.name() + "'");
            }
            JsonNode schema = tool.inputSchema();
            if (schema != null && !schema.isNull() && !schema.isObject()) {
                throw at(path + ".input_schema", "must be a JSON Schema object");
            }
        }
        return names;
    }

    private static void checkToolChoice(MessagesRequest.ToolChoice choice, Set<String> toolNames) {
        if (choice == null) {
            return;
        }
        switch (choice.type()) {
            case "auto", "none" -> {
            }
            case "any" -> {
                if (toolNames.isEmpty()) {
                    throw at("tool_choice", "type 'any' needs at least one tool (server tools are not forwarded)");
                }
            }
            case "tool" -> {
                if (choice.name() == null || choice.name().isBlank()) {
                    throw at("tool_choice.name", "required when type is 'tool'");
                }
                if (!toolNames.contains(choice.name())) {
                    throw at("tool_choice.name", "tool '" + choice.name() + "' is not in tools");
                }
            }
            case null, default -> throw at("tool_choice.type",
                    "unknown type " + describe(choice.type()) + " (expected auto, any, tool or none)");
        }
    }
}
