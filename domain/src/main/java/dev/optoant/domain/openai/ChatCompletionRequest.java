package dev.optoant.domain.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The Chat Completions request the Anthropic lane sends upstream. Null fields are left out. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"model", "messages", "max_tokens", "temperature", "top_p", "stop", "stream", "stream_options",
    "tools", "tool_choice", "parallel_tool_calls", "user", "thinking", "reasoning_effort"})
public record ChatCompletionRequest(
        @JsonProperty("model") String model,
        @JsonProperty("messages") List<ChatMessage> messages,
        @JsonProperty("max_tokens") Integer maxTokens,
        @JsonProperty("temperature") Double temperature,
        @JsonProperty("top_p") Double topP,
        @JsonProperty("stop") List<String> stop,
        @JsonProperty("stream") Boolean stream,
        @JsonProperty("stream_options") StreamOptions streamOptions,
        @JsonProperty("tools") List<ChatTool> tools,
        @JsonProperty("tool_choice") ToolChoice toolChoice,
        @JsonProperty("parallel_tool_calls") Boolean parallelToolCalls,
        @JsonProperty("user") String user,
        @JsonProperty("thinking") ThinkingSwitch thinking,
        @JsonProperty("reasoning_effort") String reasoningEffort) {

    /** {@code stream_options}: the gateway always asks for usage on streams. */
    public record StreamOptions(@JsonProperty("include_usage") boolean includeUsage) {
    }

    /** DeepSeek's {@code thinking: {type: enabled|disabled}} switch. */
    public record ThinkingSwitch(@JsonProperty("type") String type) {
    }
}
