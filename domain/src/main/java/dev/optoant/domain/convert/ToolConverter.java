package dev.optoant.domain.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.optoant.domain.anthropic.MessagesRequest;
import dev.optoant.domain.openai.ChatTool;
import dev.optoant.domain.openai.ToolChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Anthropic tool definitions and {@code tool_choice} as Chat Completions function tools. */
final class ToolConverter {
    private static final System.Logger LOG = System.getLogger(ToolConverter.class.getName());
    private static final String SCHEMA_KEYWORD = "$schema";

    private ToolConverter() {
    }

    /** The function tools; server tools are dropped. Null when none are left. */
    static List<ChatTool> tools(List<MessagesRequest.Tool> tools) {
        if (tools == null || tools.isEmpty()) {
            return null;
        }
        List<ChatTool> out = new ArrayList<>(tools.size());
        for (MessagesRequest.Tool tool : tools) {
            if (tool == null) {
                continue;
            }
            if (tool.custom()) {
                out.add(new ChatTool(new ChatTool.Function(tool.name(), tool.description(),
                        parameters(tool.inputSchema()))));
            } else if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
                // Server tools (web_search_*, bash_*, ...) run on Anthropic's side; no OpenAI upstream can run them.
                LOG.log(System.Logger.Level.DEBUG, "dropped server tool {0} of type {1}", tool.name(), tool.type());
            }
        }
        return out.isEmpty() ? null : out;
    }

    /**
     * The schema as given, minus a top-level {@code $schema} (Claude Code sends one on every tool and some
     * OpenAI-compatible servers reject unknown keywords there); an empty or missing schema becomes an empty object
     * schema, which OpenAI requires.
     */
    static JsonNode parameters(JsonNode schema) {
        if (!(schema instanceof ObjectNode object) || object.isEmpty()) {
            return emptyObjectSchema();
        }
        if (!object.has(SCHEMA_KEYWORD)) {
            return object;
        }
        if (object.size() == 1) {
            return emptyObjectSchema();
        }
        // Shallow copy: nested nodes are shared, never mutated, and a deep copy of large schemas costs per request.
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (!field.getKey().equals(SCHEMA_KEYWORD)) {
                copy.set(field.getKey(), field.getValue());
            }
        }
        return copy;
    }

    /** The choice; null when there is none. The validator has already refused unknown types and unknown names. */
    static ToolChoice choice(MessagesRequest.ToolChoice choice) {
        if (choice == null || choice.type() == null) {
            return null;
        }
        return switch (choice.type()) {
            case "auto" -> new ToolChoice.Mode("auto");
            case "any" -> new ToolChoice.Mode("required");
            case "none" -> new ToolChoice.Mode("none");
            case "tool" -> new ToolChoice.Function(new ToolChoice.Name(choice.name()));
            default -> null;
        };
    }

    /** {@code parallel_tool_calls: false} when the client disabled parallel tool use, else left out. */
    static Boolean parallelToolCalls(MessagesRequest.ToolChoice choice) {
        return choice != null && Boolean.TRUE.equals(choice.disableParallelToolUse()) ? Boolean.FALSE : null;
    }

    private static ObjectNode emptyObjectSchema() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        schema.put("type", "object");
        schema.putObject("properties");
        return schema;
    }
}
