package dev.optoant.domain.anthropic;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where an image's or document's bytes are: {@code base64} ({@code media_type}, {@code data}), {@code url}
 * ({@code url}), {@code text} ({@code media_type}, {@code data}) or {@code content} (blocks).
 */
@JsonPropertyOrder({"type", "media_type", "data", "url", "content"})
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MediaSource(
        @JsonProperty("type") String type,
        @JsonProperty("media_type") String mediaType,
        @JsonProperty("data") String data,
        @JsonProperty("url") String url,
        @JsonProperty("content") JsonNode content) {
}
