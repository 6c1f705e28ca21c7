package dev.optoant.domain.convert;

import dev.optoant.domain.anthropic.MessagesRequest.ThinkingConfig;
import dev.optoant.domain.openai.ChatCompletionRequest.ThinkingSwitch;

/** The upstream's reasoning switch and effort for an Anthropic {@code thinking} setting, per dialect. */
record ReasoningOptions(ThinkingSwitch thinking, String effort) {
    static final ReasoningOptions NONE = new ReasoningOptions(null, null);

    static ReasoningOptions of(ThinkingConfig config, UpstreamDialect dialect) {
        if (config == null || config.type() == null) {
            return NONE;
        }
        boolean deepSeek = dialect == UpstreamDialect.DEEPSEEK;
        // Unknown types are ignored rather than refused: Anthropic keeps adding modes (adaptive came late).
        return switch (config.type()) {
            case "enabled" -> new ReasoningOptions(deepSeek ? new ThinkingSwitch("enabled") : null,
                    effort(config.budgetTokens()));
            case "disabled" -> deepSeek ? new ReasoningOptions(new ThinkingSwitch("disabled"), null) : NONE;
            case "adaptive" -> deepSeek ? new ReasoningOptions(new ThinkingSwitch("enabled"), null) : NONE;
            default -> NONE;
        };
    }

    /** {@code budget_tokens} as an effort: under 4096 low, under 16384 medium, else high; none without a budget. */
    static String effort(Integer budgetTokens) {
        if (budgetTokens == null) {
            return null;
        }
        if (budgetTokens < 4096) {
            return "low";
        }
        return budgetTokens < 16384 ? "medium" : "high";
    }
}
