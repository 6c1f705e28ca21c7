package dev.optoant.domain.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A non-streaming Chat Completions answer, as far as the Anthropic lane reads it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatCompletion(
        @JsonProperty("id") String id,
        @JsonProperty("model") String model,
        @JsonProperty("choices") List<Choice> choices,
        @JsonProperty("usage") ChatUsage usage) {

    /** One choice; the gateway asks for one and reads the first. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Choice(
            @JsonProperty("index") Integer index,
            @JsonProperty("message") ResponseMessage message,
            @JsonProperty("finish_reason") String finishReason) {
    }

    /** The assistant's message: text, DeepSeek's reasoning, tool calls. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ResponseMessage(
            @JsonProperty("role") String role,
            @JsonProperty("content") String content,
            @JsonProperty("reasoning_content") String reasoningContent,
            @JsonProperty("tool_calls") List<ToolCall> toolCalls) {
    }
}
