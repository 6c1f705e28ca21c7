package dev.optoant.domain.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optoant.domain.anthropic.ContentBlock;
import dev.optoant.domain.anthropic.MessagesResponse;
import dev.optoant.domain.anthropic.Usage;
import dev.optoant.domain.error.ErrorKind;
import dev.optoant.domain.error.GatewayException;
import dev.optoant.domain.openai.ChatCompletion;
import dev.optoant.domain.openai.ChatUsage;
import dev.optoant.domain.openai.ToolCall;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenAiToAnthropicTest {
    private static final String ID = "msg_01Unit";

    private static ChatCompletion answer(String finishReason, ChatCompletion.ResponseMessage message, ChatUsage usage) {
        return new ChatCompletion("c-1", "deepseek-chat", List.of(new ChatCompletion.Choice(0, message, finishReason)),
                usage);
    }

    private static ChatCompletion.ResponseMessage message(String text) {
        return new ChatCompletion.ResponseMessage("assistant", text, null, null);
    }

    @Test
    void insufficientSystemResourceIsAnOverloadedFailure() {
        ChatCompletion completion = answer("insufficient_system_resource", message("partial"), null);

        assertThatThrownBy(() -> OpenAiToAnthropic.convert(completion, ID, "claude-x"))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.OVERLOADED);
                    assertThat(e.getMessage()).contains("insufficient_system_resource");
                });
    }

    @Test
    void echoesTheMessageIdAndTheRequestedModelNotTheUpstreamOne() {
        MessagesResponse response = OpenAiToAnthropic.convert(answer("stop", message("hi"), null), ID, "claude-haiku-4-5");

        assertThat(response.id()).isEqualTo(ID);
        assertThat(response.model()).isEqualTo("claude-haiku-4-5");
        assertThat(response.type()).isEqualTo("message");
        assertThat(response.role()).isEqualTo("assistant");
        assertThat(response.stopSequence()).isNull();
    }

    @Test
    void readsTheChoiceWithIndexZero() {
        ChatCompletion completion = new ChatCompletion("c-1", "m", List.of(
                new ChatCompletion.Choice(1, message("second"), "length"),
                new ChatCompletion.Choice(0, message("first"), "stop")), null);

        MessagesResponse response = OpenAiToAnthropic.convert(completion, ID, "m");

        assertThat(response.content()).containsExactly(new ContentBlock.Text("first"));
        assertThat(response.stopReason()).isEqualTo("end_turn");
    }

    @Test
    void missingChoicesMessageAndUsageGiveAnEmptyEndTurn() {
        MessagesResponse noChoices = OpenAiToAnthropic.convert(new ChatCompletion("c", "m", null, null), ID, "m");
        MessagesResponse noMessage = OpenAiToAnthropic.convert(answer(null, null, null), ID, "m");

        for (MessagesResponse response : List.of(noChoices, noMessage)) {
            assertThat(response.content()).isEmpty();
            assertThat(response.stopReason()).isEqualTo("end_turn");
            assertThat(response.usage()).isEqualTo(Usage.ZERO);
        }
    }

    @Test
    void nullToolCallEntriesAreSkippedAndAMissingFunctionIsAnUnnamedEmptyCall() {
        ChatCompletion.ResponseMessage withCalls = new ChatCompletion.ResponseMessage("assistant", null, null,
                Arrays.asList(null, new ToolCall(null, "call_1", "function", null)));

        MessagesResponse response = OpenAiToAnthropic.convert(answer("tool_calls", withCalls, null), ID, "m");

        assertThat(response.content()).singleElement().isInstanceOfSatisfying(ContentBlock.ToolUse.class, use -> {
            assertThat(use.id()).isEqualTo("call_1");
            assertThat(use.name()).isEmpty();
            assertThat(use.input().isEmpty()).isTrue();
        });
    }

    @Test
    void generatedToolIdsAreStablePerMessageAndPosition() {
        assertThat(ToolUseIds.forCall("msg_01Abc", 2)).isEqualTo("toolu_01Abc_2");
        assertThat(ToolUseIds.forCall("other", 0)).isEqualTo("toolu_other_0");
    }

    @Test
    void cachedTokensAreTakenOutOfInputTokensAndNeverMakeThemNegative() {
        ChatUsage deepSeek = new ChatUsage(100L, 7L, 107L, 60L, null, null);
        ChatUsage openAi = new ChatUsage(100L, 7L, 107L, null, new ChatUsage.PromptDetails(60L), null);
        ChatUsage inconsistent = new ChatUsage(10L, 1L, 11L, 30L, null, null);

        assertThat(UsageConversion.of(deepSeek)).isEqualTo(new Usage(40, 0, 60, 7));
        assertThat(UsageConversion.of(openAi)).isEqualTo(new Usage(40, 0, 60, 7));
        assertThat(UsageConversion.of(inconsistent)).isEqualTo(new Usage(0, 0, 30, 1));
        assertThat(UsageConversion.of(new ChatUsage(null, null, null, null, null, null))).isEqualTo(Usage.ZERO);
    }
}
