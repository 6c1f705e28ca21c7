package dev.optoant.domain.convert;

import dev.optoant.domain.anthropic.StopReason;
import dev.optoant.domain.error.ErrorKind;
import dev.optoant.domain.error.GatewayException;

/** Maps an OpenAI {@code finish_reason} onto an Anthropic {@code stop_reason}, for complete and streamed answers. */
final class FinishReasons {
    /** DeepSeek ends an answer with this when it ran out of capacity mid-generation (DeepSeek API, finish_reason). */
    static final String INSUFFICIENT_SYSTEM_RESOURCE = "insufficient_system_resource";
    static final String OVERLOADED_MESSAGE =
            "The upstream ran out of capacity while answering (finish_reason insufficient_system_resource); retry later.";

    private FinishReasons() {
    }

    /**
     * The stop reason for an answer. OpenAI does not report which stop sequence matched, so {@code stop} is always
     * {@code end_turn}; unknown and missing reasons are {@code end_turn} too. A {@code tool_calls} reason without any
     * call is {@code end_turn}: agents answer {@code tool_use} by running the calls, and there are none.
     *
     * @param toolUsePresent whether the answer carries a tool_use block, which makes the reason {@code tool_use}
     */
    static String stopReason(String finishReason, boolean toolUsePresent) {
        if (toolUsePresent) {
            return StopReason.TOOL_USE;
        }
        if (finishReason == null) {
            return StopReason.END_TURN;
        }
        return switch (finishReason) {
            case "length" -> StopReason.MAX_TOKENS;
            case "content_filter" -> StopReason.REFUSAL;
            default -> StopReason.END_TURN;
        };
    }

    static boolean isOverloaded(String finishReason) {
        return INSUFFICIENT_SYSTEM_RESOURCE.equals(finishReason);
    }

    /** Throws an {@link ErrorKind#OVERLOADED} failure for DeepSeek's capacity finish reason. */
    static void requireNotOverloaded(String finishReason) {
        if (isOverloaded(finishReason)) {
            throw new GatewayException(ErrorKind.OVERLOADED, OVERLOADED_MESSAGE);
        }
    }
}
