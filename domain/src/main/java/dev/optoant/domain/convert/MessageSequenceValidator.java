package dev.optoant.domain.convert;

import static dev.optoant.domain.convert.BlockRules.path;
import static dev.optoant.domain.convert.Invalid.at;
import static dev.optoant.domain.convert.Invalid.describe;

import dev.optoant.domain.anthropic.ContentBlock;
import dev.optoant.domain.anthropic.InputMessage;
import dev.optoant.domain.error.GatewayException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks {@code messages}: roles, non-empty content, which blocks each role may carry, and tool call pairing. */
final class MessageSequenceValidator {
    private final BlockRules rules;

    MessageSequenceValidator(BlockRules rules) {
        this.rules = rules;
    }

    void validate(List<InputMessage> messages) {
        // Calls of the latest assistant turn still waiting for results: id -> block index, in call order.
        Map<String, Integer> open = new LinkedHashMap<>();
        int openAt = -1;
        int last = messages.size() - 1;
        for (int i = 0; i < messages.size(); i++) {
            InputMessage message = messages.get(i);
            if (message == null) {
                throw at("messages." + i, "must be a message object, got null");
            }
            List<ContentBlock> content = message.content();
            switch (message.role()) {
                case "system" -> checkSystem(i, content);
                case "user" -> {
                    checkContentPresent(i, content, false);
                    checkUser(i, content, open);
                    requireAnswered(open, openAt);
                }
                case "assistant" -> {
                    requireAnswered(open, openAt);
                    // Anthropic allows an empty final assistant message (a prefill with nothing in it).
                    checkContentPresent(i, content, i == last);
                    checkAssistant(i, content, open);
                    openAt = i;
                }
                case null, default -> throw at("messages." + i + ".role",
                        "unknown role " + describe(message.role()) + " (expected user, assistant or system)");
            }
        }
        requireAnswered(open, openAt);
    }

    /** Shared with the top-level {@code system}: text blocks only. {@code prefix} plus the index names the block. */
    static void checkSystemBlock(String prefix, int index, ContentBlock block) {
        switch (block) {
            case null -> throw BlockRules.nullBlock(prefix + index);
            case ContentBlock.Text text -> {
            }
            case ContentBlock.Unknown unknown -> throw BlockRules.unknownBlock(prefix + index, unknown.type());
            case ContentBlock.Image image -> throw notInSystem(prefix + index, block);
            case ContentBlock.Document document -> throw notInSystem(prefix + index, block);
            case ContentBlock.ToolUse use -> throw notInSystem(prefix + index, block);
            case ContentBlock.ToolResult result -> throw notInSystem(prefix + index, block);
            case ContentBlock.Thinking thinking -> throw notInSystem(prefix + index, block);
            case ContentBlock.RedactedThinking redacted -> throw notInSystem(prefix + index, block);
        }
    }

    private static void checkSystem(int message, List<ContentBlock> content) {
        if (content == null) {
            return;
        }
        for (int j = 0; j < content.size(); j++) {
            checkSystemBlock("messages." + message + ".content.", j, content.get(j));
        }
    }

    private static void checkContentPresent(int message, List<ContentBlock> content, boolean mayBeEmpty) {
        if (content == null) {
            throw at("messages." + message + ".content", "required");
        }
        if (!mayBeEmpty && BlockRules.isEmpty(content)) {
            throw at("messages." + message + ".content", "must not be empty");
        }
    }

    private void checkUser(int i, List<ContentBlock> content, Map<String, Integer> open) {
        Set<String> answered = null;
        for (int j = 0; j < content.size(); j++) {
            switch (content.get(j)) {
                case null -> throw BlockRules.nullBlock(path(i, j));
                case ContentBlock.Image image -> rules.checkImage(i, j, image.source());
                case ContentBlock.Document document -> rules.checkDocument(i, j, document.source());
                case ContentBlock.ToolUse use -> throw at(path(i, j), "tool_use blocks belong in assistant messages");
                case ContentBlock.ToolResult result -> {
                    String id = result.toolUseId();
                    if (answered != null && answered.contains(id)) {
                        throw at(path(i, j) + ".tool_use_id", "a second tool_result for '" + id + "'");
                    }
                    if (id == null || open.remove(id) == null) {
                        throw at(path(i, j) + ".tool_use_id", "tool_result for " + describe(id)
                                + " matches no tool_use of the preceding assistant message");
                    }
                    answered = answered == null ? new HashSet<>() : answered;
                    answered.add(id);
                    BlockRules.checkToolResultContent(i, j, result.content());
                }
                case ContentBlock.Unknown unknown -> throw BlockRules.unknownBlock(path(i, j), unknown.type());
                case ContentBlock.Text text -> {
                }
                case ContentBlock.Thinking thinking -> {
                }
                case ContentBlock.RedactedThinking redacted -> {
                }
            }
        }
    }

    private static void checkAssistant(int i, List<ContentBlock> content, Map<String, Integer> open) {
        for (int j = 0; j < content.size(); j++) {
            ContentBlock block = content.get(j);
            switch (block) {
                case null -> throw BlockRules.nullBlock(path(i, j));
                case ContentBlock.ToolUse use -> {
                    if (use.id() == null || use.id().isBlank()) {
                        throw at(path(i, j) + ".id", "required");
                    }
                    if (use.name() == null || use.name().isBlank()) {
                        throw at(path(i, j) + ".name", "required");
                    }
                    if (open.putIfAbsent(use.id(), j) != null) {
                        throw at(path(i, j) + ".id", "duplicate tool_use id '" + use.id() + "'");
                    }
                }
                case ContentBlock.Image image -> throw notInAssistant(path(i, j), block);
                case ContentBlock.Document document -> throw notInAssistant(path(i, j), block);
                case ContentBlock.ToolResult result -> throw notInAssistant(path(i, j), block);
                case ContentBlock.Unknown unknown -> throw BlockRules.unknownBlock(path(i, j), unknown.type());
                case ContentBlock.Text text -> {
                }
                case ContentBlock.Thinking thinking -> {
                }
                case ContentBlock.RedactedThinking redacted -> {
                }
            }
        }
    }

    /** Every call of an assistant turn needs its result in the very next user turn, or the upstream refuses it. */
    private static void requireAnswered(Map<String, Integer> open, int openAt) {
        if (open.isEmpty()) {
            return;
        }
        Map.Entry<String, Integer> first = open.entrySet().iterator().next();
        throw at(path(openAt, first.getValue()), "tool_use '" + first.getKey()
                + "' has no tool_result in the following user message");
    }

    private static GatewayException notInSystem(String path, ContentBlock block) {
        return at(path, "a system instruction takes text blocks only, got '" + block.type() + "'");
    }

    private static GatewayException notInAssistant(String path, ContentBlock block) {
        return at(path, block.type() + " blocks belong in user messages");
    }
}
