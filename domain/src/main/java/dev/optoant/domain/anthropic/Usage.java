package dev.optoant.domain.anthropic;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Token usage as Anthropic reports it; {@code input_tokens} excludes tokens read from the cache. */
@JsonPropertyOrder({"input_tokens", "cache_creation_input_tokens", "cache_read_input_tokens", "output_tokens"})
public record Usage(
        @JsonProperty("input_tokens") long inputTokens,
        @JsonProperty("cache_creation_input_tokens") long cacheCreationInputTokens,
        @JsonProperty("cache_read_input_tokens") long cacheReadInputTokens,
        @JsonProperty("output_tokens") long outputTokens) {

    public static final Usage ZERO = new Usage(0, 0, 0, 0);
}
