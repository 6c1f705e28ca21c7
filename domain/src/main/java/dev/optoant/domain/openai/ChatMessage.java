package dev.optoant.domain.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** One Chat Completions message: system, user, assistant (with tool calls and reasoning) or tool. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"role", "content", "reasoning_content", "tool_calls", "tool_call_id"})
public record ChatMessage(
        @JsonProperty("role") String role,
        @JsonProperty("content") MessageContent content,
        @JsonProperty("reasoning_content") String reasoningContent,
        @JsonProperty("tool_calls") List<ToolCall> toolCalls,
        @JsonProperty("tool_call_id") String toolCallId) {

    public static ChatMessage system(String text) {
        return new ChatMessage("system", new MessageContent.Text(text), null, null, null);
    }

    public static ChatMessage user(MessageContent content) {
        return new ChatMessage("user", content, null, null, null);
    }

    public static ChatMessage tool(String toolCallId, String text) {
        return new ChatMessage("tool", new MessageContent.Text(text), null, null, toolCallId);
    }

    public static ChatMessage assistant(String text, String reasoning, List<ToolCall> toolCalls) {
        return new ChatMessage("assistant", text == null ? null : new MessageContent.Text(text), reasoning,
                toolCalls == null || toolCalls.isEmpty() ? null : toolCalls, null);
    }
}
