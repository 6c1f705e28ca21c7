package dev.optoant.domain.anthropic;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** A complete assistant message, the non-streaming answer of {@code POST /v1/messages}. */
@JsonPropertyOrder({"id", "type", "role", "model", "content", "stop_reason", "stop_sequence", "usage"})
public record MessagesResponse(
        @JsonProperty("id") String id,
        @JsonProperty("model") String model,
        @JsonProperty("content") List<ContentBlock> content,
        @JsonProperty("stop_reason") @JsonInclude(JsonInclude.Include.ALWAYS) String stopReason,
        @JsonProperty("stop_sequence") @JsonInclude(JsonInclude.Include.ALWAYS) String stopSequence,
        @JsonProperty("usage") Usage usage) {

    @JsonProperty("type")
    public String type() {
        return "message";
    }

    @JsonProperty("role")
    public String role() {
        return "assistant";
    }
}
