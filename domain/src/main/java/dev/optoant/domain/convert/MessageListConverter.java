package dev.optoant.domain.convert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.optoant.domain.anthropic.ContentBlock;
import dev.optoant.domain.anthropic.InputMessage;
import dev.optoant.domain.json.PooledJson;
import dev.optoant.domain.openai.ChatMessage;
import dev.optoant.domain.openai.MessageContent;
import dev.optoant.domain.openai.ToolCall;
import java.util.ArrayList;
import java.util.List;

/** Anthropic {@code system} and {@code messages} as Chat Completions messages, tool replies right after their calls. */
final class MessageListConverter {
    /**
     * DeepSeek answers 400 when an assistant turn with tool calls comes back without {@code reasoning_content}
     * (its thinking mode is on by default); turns whose thinking the client didn't keep get this instead.
     */
    static final String REASONING_PLACEHOLDER = "(earlier reasoning not available)";
    private static final ObjectWriter JSON = PooledJson.newMapper().writer();

    private final UpstreamDialect dialect;

    MessageListConverter(UpstreamDialect dialect) {
        this.dialect = dialect;
    }

    /** Expects a request the validator accepted. */
    List<ChatMessage> convert(List<ContentBlock> system, List<InputMessage> messages) {
        List<ChatMessage> out = new ArrayList<>(messages.size() + 8);
        String systemText = TextJoiner.joinTextBlocks(system);
        if (systemText != null) {
            out.add(ChatMessage.system(systemText));
        }
        // OpenAI-compatible servers (DeepSeek included) reject an assistant message with tool_calls that is not
        // followed directly by its tool messages, so system entries arriving in between are held until after them.
        List<ToolCall> openCalls = null;
        List<ChatMessage> heldSystem = null;
        for (InputMessage message : messages) {
            switch (message.role()) {
                case "system" -> {
                    String text = TextJoiner.joinTextBlocks(message.content());
                    if (text != null && openCalls == null) {
                        out.add(ChatMessage.system(text));
                    } else if (text != null) {
                        heldSystem = heldSystem == null ? new ArrayList<>(2) : heldSystem;
                        heldSystem.add(ChatMessage.system(text));
                    }
                }
                case "user" -> {
                    addToolMessages(out, message.content(), openCalls);
                    openCalls = null;
                    if (heldSystem != null) {
                        out.addAll(heldSystem);
                        heldSystem = null;
                    }
                    MessageContent content = UserContent.of(message.content());
                    if (content != null) {
                        out.add(ChatMessage.user(content));
                    }
                }
                case "assistant" -> openCalls = addAssistant(out, message.content());
                case null, default -> {
                }
            }
        }
        if (heldSystem != null) {
            out.addAll(heldSystem);
        }
        return out;
    }

    /** One tool message per call, in the order of the calls, whatever the order of the results. */
    private static void addToolMessages(List<ChatMessage> out, List<ContentBlock> content, List<ToolCall> calls) {
        if (calls == null) {
            return;
        }
        String[] replies = new String[calls.size()];
        for (ContentBlock block : content) {
            if (block instanceof ContentBlock.ToolResult result) {
                int call = indexOf(calls, result.toolUseId());
                if (call >= 0) {
                    replies[call] = ToolResultText.of(result);
                }
            }
        }
        for (int i = 0; i < replies.length; i++) {
            if (replies[i] != null) {
                out.add(ChatMessage.tool(calls.get(i).id(), replies[i]));
            }
        }
    }

    /** Adds the assistant message unless it has nothing to send; returns its tool calls, or null. */
    private List<ToolCall> addAssistant(List<ChatMessage> out, List<ContentBlock> content) {
        TextJoiner text = new TextJoiner(TextJoiner.BLOCK_SEPARATOR);
        TextJoiner thinking = new TextJoiner(TextJoiner.BLOCK_SEPARATOR);
        List<ToolCall> calls = null;
        for (ContentBlock block : content) {
            switch (block) {
                case ContentBlock.Text t -> text.add(t.text());
                case ContentBlock.Thinking t -> thinking.add(t.thinking());
                case ContentBlock.ToolUse use -> {
                    calls = calls == null ? new ArrayList<>(4) : calls;
                    calls.add(ToolCall.of(use.id(), use.name(), arguments(use.input())));
                }
                // Encrypted for Anthropic's own models; no other upstream can read it.
                case ContentBlock.RedactedThinking redacted -> {
                }
                case ContentBlock.Image image -> {
                }
                case ContentBlock.Document document -> {
                }
                case ContentBlock.ToolResult result -> {
                }
                case ContentBlock.Unknown unknown -> {
                }
                case null -> {
                }
            }
        }
        String reasoning = reasoning(thinking.result(), calls != null);
        String textContent = text.result();
        if (textContent == null && calls == null && reasoning == null) {
            return null;
        }
        out.add(ChatMessage.assistant(textContent == null && calls == null ? "" : textContent, reasoning, calls));
        return calls;
    }

    private String reasoning(String thinking, boolean madeCalls) {
        if (dialect != UpstreamDialect.DEEPSEEK) {
            return null;
        }
        return thinking == null && madeCalls ? REASONING_PLACEHOLDER : thinking;
    }

    private static String arguments(JsonNode input) {
        if (input == null || input.isNull() || input.isMissingNode()) {
            return "{}";
        }
        try {
            return JSON.writeValueAsString(input);
        } catch (JsonProcessingException e) {
            throw Invalid.at("tool_use.input", "can't be written as JSON: " + e.getOriginalMessage());
        }
    }

    private static int indexOf(List<ToolCall> calls, String id) {
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
