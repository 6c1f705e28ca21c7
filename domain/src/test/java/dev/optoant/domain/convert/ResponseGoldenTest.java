package dev.optoant.domain.convert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optoant.domain.anthropic.MessagesResponse;
import dev.optoant.domain.openai.ChatCompletion;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Recorded upstream answers ({@code golden/response/<case>.openai.json}) → expected Anthropic JSON ({@code .anthropic.json}). */
class ResponseGoldenTest {
    static final String MESSAGE_ID = "msg_01GoldenResponse";
    static final String MODEL = "claude-opus-4-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<String> cases() {
        return GoldenText.cases("response", ".openai.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void convertsTheRecordedAnswer(String name) throws IOException {
        ChatCompletion completion = JSON.readValue(GoldenText.read("response", name + ".openai.json"), ChatCompletion.class);

        MessagesResponse response = OpenAiToAnthropic.convert(completion, MESSAGE_ID, MODEL);

        String actual = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(response) + "\n";
        GoldenText.assertMatches("response", name + ".anthropic.json", actual);
    }

    @Test
    void everyPromisedCaseIsRecorded() {
        assertThat(cases()).contains("text", "reasoning-and-text", "tool-calls", "tool-call-without-id",
                "truncated-arguments-repaired", "unparseable-arguments-kept-raw", "non-object-arguments",
                "empty-arguments", "finish-stop", "finish-length", "finish-tool-calls", "finish-content-filter",
                "finish-function-call", "finish-null", "finish-unknown", "tool-calls-override-stop",
                "cached-usage-deepseek", "cached-usage-openai", "empty-choices", "empty-content");
    }
}
