package dev.optoant.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One entry of {@code GET /anthropic/v1/models}, in Anthropic's shape. */
@JsonPropertyOrder({"type", "id", "display_name", "created_at"})
public record ListedModel(
        @JsonProperty("id") String id,
        @JsonProperty("display_name") String displayName,
        @JsonProperty("created_at") String createdAt) {

    @JsonProperty("type")
    public String type() {
        return "model";
    }
}
