package dev.optoant.domain.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Recorded upstream SSE ({@code golden/stream/<case>.upstream.sse}) → expected Anthropic SSE ({@code .anthropic.sse}). */
class StreamGoldenTest {
    static final String MESSAGE_ID = "msg_01GoldenStream";
    static final String MODEL = "claude-sonnet-4-5";
    static final long INPUT_ESTIMATE = 42;

    static List<String> cases() {
        return GoldenText.cases("stream", ".upstream.sse");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void translatesTheRecordedStream(String name) throws IOException {
        StreamEventRecorder sink = new StreamEventRecorder();
        StreamTranslator translator = new StreamTranslator(MESSAGE_ID, MODEL, INPUT_ESTIMATE, sink);

        UpstreamSseReplayer.replay(GoldenText.read("stream", name + ".upstream.sse"), translator);

        assertThat(translator.ended()).isTrue();
        EventSequenceChecker.assertWellFormed(sink.events);
        GoldenText.assertMatches("stream", name + ".anthropic.sse", AnthropicSse.render(sink.events));
    }

    @Test
    void everyPromisedCaseIsRecorded() {
        assertThat(cases()).contains("text", "reasoning-then-text", "reasoning-after-text", "tool-call-split-arguments",
                "parallel-tool-calls", "tool-calls-in-finish-chunk", "empty-tool-calls-array", "empty-arguments",
                "usage-on-finish-chunk", "usage-on-separate-chunk", "deepseek-cache-hit", "openai-cached-usage",
                "keep-alive", "length-finish", "length-finish-truncated-tool-arguments", "content-filter",
                "error-mid-stream", "no-done", "tool-call-name-later", "interleaved-tool-calls",
                "insufficient-system-resource", "no-usage", "text-after-tool-call");
    }
}
