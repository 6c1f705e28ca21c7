package dev.optoant.domain.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optoant.domain.error.ErrorKind;
import dev.optoant.domain.error.GatewayException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** finish_reason → stop_reason, tool_use exactly when a tool_use block is present, and DeepSeek's overload reason. */
class FinishReasonsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "NULL", value = {
        "stop, end_turn",
        "length, max_tokens",
        "tool_calls, end_turn",
        "function_call, end_turn",
        "content_filter, refusal",
        "NULL, end_turn",
        "eos, end_turn",
        "'', end_turn"})
    void mapsTheFinishReason(String finishReason, String stopReason) {
        assertThat(FinishReasons.stopReason(finishReason, false)).isEqualTo(stopReason);
    }

    @ParameterizedTest(name = "{0} with a tool_use block -> tool_use")
    @CsvSource(nullValues = "NULL", value = {"stop", "length", "tool_calls", "function_call", "content_filter", "NULL", "eos"})
    void aToolUseBlockMakesTheReasonToolUse(String finishReason) {
        assertThat(FinishReasons.stopReason(finishReason, true)).isEqualTo("tool_use");
    }

    @Test
    void deepSeeksInsufficientSystemResourceIsOverloaded() {
        assertThat(FinishReasons.isOverloaded("insufficient_system_resource")).isTrue();
        assertThat(FinishReasons.isOverloaded("stop")).isFalse();
        assertThatThrownBy(() -> FinishReasons.requireNotOverloaded("insufficient_system_resource"))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.OVERLOADED));
    }
}
