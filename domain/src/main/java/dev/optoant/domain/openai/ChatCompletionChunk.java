package dev.optoant.domain.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One {@code chat.completion.chunk} of a streamed answer; the last may carry only {@code usage}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatCompletionChunk(
        @JsonProperty("id") String id,
        @JsonProperty("model") String model,
        @JsonProperty("choices") List<Choice> choices,
        @JsonProperty("usage") ChatUsage usage) {

    /** A choice's increment. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Choice(
            @JsonProperty("index") Integer index,
            @JsonProperty("delta") ChunkDelta delta,
            @JsonProperty("finish_reason") String finishReason) {
    }

    /** What this chunk adds: role, text, reasoning, or pieces of tool calls keyed by their index. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ChunkDelta(
            @JsonProperty("role") String role,
            @JsonProperty("content") String content,
            @JsonProperty("reasoning_content") String reasoningContent,
            @JsonProperty("tool_calls") List<ToolCall> toolCalls) {
    }
}
