package dev.optoant.domain.convert;

import dev.optoant.domain.anthropic.Usage;
import dev.optoant.domain.openai.ChatUsage;

/** OpenAI usage in Anthropic's terms: cached prompt tokens are reported apart from {@code input_tokens}. */
final class UsageConversion {
    private UsageConversion() {
    }

    static Usage of(ChatUsage usage) {
        if (usage == null) {
            return Usage.ZERO;
        }
        long cached = Math.max(0, usage.cached());
        return new Usage(Math.max(0, usage.prompt() - cached), 0, cached, usage.completion());
    }
}
