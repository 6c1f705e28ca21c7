package dev.optoant.domain.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Usage as OpenAI-compatible servers report it. Cached prompt tokens come as DeepSeek's
 * {@code prompt_cache_hit_tokens} or OpenAI's {@code prompt_tokens_details.cached_tokens}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatUsage(
        @JsonProperty("prompt_tokens") Long promptTokens,
        @JsonProperty("completion_tokens") Long completionTokens,
        @JsonProperty("total_tokens") Long totalTokens,
        @JsonProperty("prompt_cache_hit_tokens") Long promptCacheHitTokens,
        @JsonProperty("prompt_tokens_details") PromptDetails promptTokensDetails,
        @JsonProperty("completion_tokens_details") CompletionDetails completionTokensDetails) {

    public long prompt() {
        return promptTokens == null ? 0 : promptTokens;
    }

    public long completion() {
        return completionTokens == null ? 0 : completionTokens;
    }

    /** Prompt tokens served from the upstream's cache, whichever way the server reports them. */
    public long cached() {
        if (promptCacheHitTokens != null) {
            return promptCacheHitTokens;
        }
        return promptTokensDetails == null || promptTokensDetails.cachedTokens() == null ? 0 : promptTokensDetails.cachedTokens();
    }

    public long reasoning() {
        return completionTokensDetails == null || completionTokensDetails.reasoningTokens() == null
                ? 0 : completionTokensDetails.reasoningTokens();
    }

    /** {@code prompt_tokens_details}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PromptDetails(@JsonProperty("cached_tokens") Long cachedTokens) {
    }

    /** {@code completion_tokens_details}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CompletionDetails(@JsonProperty("reasoning_tokens") Long reasoningTokens) {
    }
}
