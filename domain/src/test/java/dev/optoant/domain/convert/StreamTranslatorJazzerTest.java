package dev.optoant.domain.convert;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.optoant.domain.openai.ChatCompletionChunk;
import dev.optoant.domain.openai.ChatUsage;
import dev.optoant.domain.openai.ToolCall;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Coverage-guided fuzz target for {@link StreamTranslator}: whatever chunks, keep-alives, upstream failures and
 * finishes arrive in whatever order (tool calls with odd or missing indexes and ids, reasoning after text, usage-only
 * chunks, several choices), the events are a well-formed Anthropic stream by {@link EventSequenceChecker} and
 * serialise to JSON.
 */
class StreamTranslatorJazzerTest {
    private static final int MAX_STEPS = 64;
    private static final String[] FINISHES = {"stop", "length", "tool_calls", "content_filter", "function_call",
        "insufficient_system_resource", ""};
    private static final String[] IDS = {"call_a", "call_b", ""};
    private static final String[] NAMES = {"get_weather", "Bash", ""};
    private static final Integer[] INDEXES = {0, 1, 2, -1, Integer.MAX_VALUE};

    @FuzzTest(maxDuration = "20s")
    void anyUpstreamSequenceGivesAWellFormedStream(FuzzedDataProvider data) throws IOException {
        StreamEventRecorder sink = new StreamEventRecorder();
        StreamTranslator translator = new StreamTranslator("msg_01Fuzz", "claude-sonnet-4-5", 11, sink);
        if (data.consumeBoolean()) {
            translator.start();
        }
        for (int step = 0; step < MAX_STEPS && data.remainingBytes() > 0; step++) {
            switch (data.consumeInt(0, 7)) {
                case 0 -> translator.onKeepAlive();
                case 1 -> translator.fail(data.consumeBoolean() ? "api_error" : "overloaded_error", data.consumeString(16));
                case 2 -> translator.finish();
                default -> translator.onChunk(chunk(data));
            }
        }
        translator.finish();
        translator.finish();

        assertThat(EventSequenceChecker.violations(sink.events)).as(AnthropicSse.render(sink.events)).isEmpty();
    }

    private static ChatCompletionChunk chunk(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 5)) {
            case 0 -> null;
            case 1 -> new ChatCompletionChunk(null, null, null, usage(data));
            case 2 -> new ChatCompletionChunk("c", "m", List.of(), usage(data));
            default -> new ChatCompletionChunk(data.consumeBoolean() ? "c" : null, "m", choices(data),
                    data.consumeInt(0, 3) == 0 ? usage(data) : null);
        };
    }

    private static List<ChatCompletionChunk.Choice> choices(FuzzedDataProvider data) {
        int count = data.consumeInt(0, 3) == 0 ? data.consumeInt(0, 3) : 1;
        List<ChatCompletionChunk.Choice> choices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (data.consumeInt(0, 15) == 0) {
                choices.add(null);
                continue;
            }
            Integer index = data.consumeInt(0, 7) == 0 ? pick(data, new Integer[] {null, 1, -1}) : 0;
            String finish = data.consumeInt(0, 3) == 0 ? pick(data, FINISHES) : null;
            choices.add(new ChatCompletionChunk.Choice(index, data.consumeInt(0, 7) == 0 ? null : delta(data), finish));
        }
        return choices;
    }

    private static ChatCompletionChunk.ChunkDelta delta(FuzzedDataProvider data) {
        String role = data.consumeInt(0, 7) == 0 ? "assistant" : null;
        String reasoning = data.consumeInt(0, 2) == 0 ? data.consumeString(12) : null;
        String content = data.consumeInt(0, 1) == 0 ? data.consumeString(12) : null;
        List<ToolCall> calls = null;
        if (data.consumeInt(0, 2) == 0) {
            calls = new ArrayList<>();
            for (int i = data.consumeInt(0, 3); i > 0; i--) {
                calls.add(data.consumeInt(0, 15) == 0 ? null : toolCall(data));
            }
        }
        return new ChatCompletionChunk.ChunkDelta(role, content, reasoning, calls);
    }

    private static ToolCall toolCall(FuzzedDataProvider data) {
        Integer index = data.consumeInt(0, 3) == 0 ? pick(data, INDEXES) : data.consumeBoolean() ? 0 : null;
        String id = data.consumeBoolean() ? null : data.consumeInt(0, 7) == 0 ? data.consumeString(6) : pick(data, IDS);
        String type = data.consumeBoolean() ? "function" : null;
        ToolCall.FunctionCall function = data.consumeInt(0, 15) == 0 ? null : new ToolCall.FunctionCall(
                data.consumeBoolean() ? null : pick(data, NAMES),
                data.consumeInt(0, 3) == 0 ? null : data.consumeString(16));
        return new ToolCall(index, id, type, function);
    }

    private static ChatUsage usage(FuzzedDataProvider data) {
        if (data.consumeInt(0, 3) == 0) {
            return null;
        }
        return new ChatUsage(nullableLong(data), nullableLong(data), nullableLong(data), nullableLong(data),
                data.consumeBoolean() ? null : new ChatUsage.PromptDetails(nullableLong(data)),
                data.consumeBoolean() ? null : new ChatUsage.CompletionDetails(nullableLong(data)));
    }

    private static Long nullableLong(FuzzedDataProvider data) {
        return data.consumeBoolean() ? null : data.consumeLong();
    }

    private static <T> T pick(FuzzedDataProvider data, T[] values) {
        return values[data.consumeInt(0, values.length - 1)];
    }
}
