package dev.optoant.domain.convert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.optoant.domain.anthropic.ContentBlock;
import dev.optoant.domain.anthropic.MessagesResponse;
import dev.optoant.domain.anthropic.StreamEvent;
import dev.optoant.domain.anthropic.Usage;
import dev.optoant.domain.openai.ChatCompletion;
import dev.optoant.domain.openai.ChatCompletionChunk;
import dev.optoant.domain.openai.ChatUsage;
import dev.optoant.domain.openai.ToolCall;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property over 500 seeds: a logical answer (reasoning, text, tool calls, finish reason, usage) split into chunks in
 * several random ways always yields a well-formed event sequence that accumulates to the same message, equal to the
 * answer and to the non-streaming conversion of it. Replay a failure with its seed.
 */
class StreamTranslatorPropertyTest {
    private static final String MESSAGE_ID = "msg_01Property";
    private static final String MODEL = "claude-sonnet-4-5";
    private static final long ESTIMATE = 77;
    private static final int SPLITTINGS = 4;
    private static final String[] NAMES = {"Bash", "Read", "Edit", "get_weather", "search"};
    private static final String[] PLAIN_FINISHES = {"stop", "length", "content_filter", null, "eos"};

    record Call(String id, String name, String arguments) {
    }

    /**
     * What the upstream means to say. {@code lateReasoning} (after the text) and {@code afterword} (text after the
     * tool calls) have no place in a non-streamed answer; they test that a new block follows the closed one.
     */
    record Answer(String reasoning, String text, String lateReasoning, List<Call> calls, String afterword,
            String finishReason, ChatUsage usage) {
        boolean streamOnly() {
            return lateReasoning != null || afterword != null;
        }
    }

    /** One upstream SSE item: a chunk, or a keep-alive when chunk is null. */
    record Item(ChatCompletionChunk chunk) {
    }

    static LongStream seeds() {
        return LongStream.range(0, 500);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everySplittingAccumulatesToTheAnswer(long seed) throws IOException {
        Random random = new Random(seed);
        Answer answer = answer(random);
        MessagesResponse expected = expected(answer);
        if (!answer.streamOnly()) {
            MessagesResponse nonStreaming = OpenAiToAnthropic.convert(completion(answer), MESSAGE_ID, MODEL);
            assertThat(new MessagesResponse(nonStreaming.id(), nonStreaming.model(), nonStreaming.content(),
                    nonStreaming.stopReason(), nonStreaming.stopSequence(), expected.usage()))
                    .as("non-streaming conversion, seed %d", seed).isEqualTo(expected);
        }

        for (int splitting = 0; splitting < SPLITTINGS; splitting++) {
            Splitter splitter = new Splitter(random, answer);
            List<Item> items = splitter.split();
            StreamEventRecorder sink = new StreamEventRecorder();
            StreamTranslator translator = new StreamTranslator(MESSAGE_ID, MODEL, ESTIMATE, sink);
            translator.start();
            for (Item item : items) {
                if (item.chunk() == null) {
                    translator.onKeepAlive();
                } else {
                    translator.onChunk(item.chunk());
                }
            }
            translator.finish();
            translator.finish();

            String context = "seed " + seed + ", splitting " + splitting;
            EventSequenceChecker.assertWellFormed(sink.events);
            assertThat(StreamedMessageAccumulator.accumulate(sink.events)).as(context).isEqualTo(expected);
            assertThat(translator.usage()).as(context).isEqualTo(expected.usage());
            assertThat(translator.stopReason()).as(context).isEqualTo(expected.stopReason());
            if (splitter.incremental) {
                assertThat(deltaCount(sink.events)).as(context + ": one delta per piece").isEqualTo(splitter.pieces);
            }
        }
    }

    private static Answer answer(Random random) {
        String reasoning = random.nextInt(3) == 0 ? null : RandomJson.text(random, 12);
        String text = random.nextInt(4) == 0 ? null : RandomJson.text(random, 12);
        List<Call> calls = new ArrayList<>();
        int count = random.nextInt(3) == 0 ? 0 : random.nextInt(4);
        for (int i = 0; i < count; i++) {
            calls.add(new Call(random.nextInt(5) == 0 ? null : "call_" + seedless(random), NAMES[random.nextInt(NAMES.length)],
                    arguments(random)));
        }
        String lateReasoning = text != null && !text.isEmpty() && random.nextInt(8) == 0
                ? "late " + RandomJson.text(random, 4) : null;
        String afterword = !calls.isEmpty() && random.nextInt(8) == 0 ? "after " + RandomJson.text(random, 4) : null;
        String finish = !calls.isEmpty() && random.nextInt(4) > 0 ? "tool_calls"
                : PLAIN_FINISHES[random.nextInt(PLAIN_FINISHES.length)];
        ChatUsage usage = null;
        if (random.nextInt(6) > 0) {
            long prompt = 1 + random.nextInt(100_000);
            long cached = random.nextBoolean() ? 0 : random.nextLong(prompt + 1);
            long completion = random.nextInt(9000);
            usage = random.nextBoolean()
                    ? new ChatUsage(prompt, completion, prompt + completion, cached, null, null)
                    : new ChatUsage(prompt, completion, prompt + completion, null, new ChatUsage.PromptDetails(cached), null);
        }
        return new Answer(reasoning, text, lateReasoning, calls, afterword, finish, usage);
    }

    private static String seedless(Random random) {
        return Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
    }

    private static String arguments(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> "";
            case 1 -> "{}";
            default -> {
                String json = random.nextBoolean() ? RandomJson.object(random, 3).toString()
                        : RandomJson.object(random, 3).toPrettyString();
                yield random.nextInt(8) == 0 ? " " + json + "\n" : json;
            }
        };
    }

    /** The answer as Anthropic content, computed without the converters. */
    private static MessagesResponse expected(Answer answer) {
        List<ContentBlock> content = new ArrayList<>();
        long chars = 0;
        if (answer.reasoning() != null && !answer.reasoning().isEmpty()) {
            content.add(new ContentBlock.Thinking(answer.reasoning(), ""));
            chars += answer.reasoning().length();
        }
        if (answer.text() != null && !answer.text().isEmpty()) {
            content.add(new ContentBlock.Text(answer.text()));
            chars += answer.text().length();
        }
        if (answer.lateReasoning() != null) {
            content.add(new ContentBlock.Thinking(answer.lateReasoning(), ""));
            chars += answer.lateReasoning().length();
        }
        for (int i = 0; i < answer.calls().size(); i++) {
            Call call = answer.calls().get(i);
            String id = call.id() != null ? call.id() : "toolu_01Property_" + i;
            content.add(new ContentBlock.ToolUse(id, call.name(), readObject(call.arguments())));
            chars += call.arguments().length();
        }
        if (answer.afterword() != null) {
            content.add(new ContentBlock.Text(answer.afterword()));
            chars += answer.afterword().length();
        }
        String stopReason = !answer.calls().isEmpty() ? "tool_use" : switch (String.valueOf(answer.finishReason())) {
            case "length" -> "max_tokens";
            case "content_filter" -> "refusal";
            case "tool_calls" -> "tool_use";
            default -> "end_turn";
        };
        ChatUsage reported = answer.usage();
        Usage usage = reported == null ? new Usage(ESTIMATE, 0, 0, (chars + 3) / 4)
                : new Usage(reported.prompt() - reported.cached(), 0, reported.cached(), reported.completion());
        return new MessagesResponse(MESSAGE_ID, MODEL, List.copyOf(content), stopReason, null, usage);
    }

    private static JsonNode readObject(String arguments) {
        try {
            return arguments.isBlank() ? AnthropicSse.JSON.createObjectNode() : AnthropicSse.JSON.readTree(arguments);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static ChatCompletion completion(Answer answer) {
        List<ToolCall> calls = answer.calls().stream().map(c -> ToolCall.of(c.id(), c.name(), c.arguments())).toList();
        ChatCompletion.ResponseMessage message = new ChatCompletion.ResponseMessage("assistant", answer.text(),
                answer.reasoning(), calls.isEmpty() ? null : calls);
        return new ChatCompletion("c", "deepseek-chat", List.of(new ChatCompletion.Choice(0, message,
                answer.finishReason())), answer.usage());
    }

    private static int deltaCount(List<StreamEvent> events) {
        return (int) events.stream().filter(StreamEvent.ContentBlockDelta.class::isInstance).count();
    }

    /** Cuts an answer into pieces at random places and deals them into chunks the ways upstreams do. */
    private static final class Splitter {
        private final Random random;
        private final Answer answer;
        private final List<ChatCompletionChunk.ChunkDelta> deltas = new ArrayList<>();
        private final boolean interleave;
        private final boolean nameLater;
        /** Whether every piece must come out as its own delta: calls in order, named first, none empty and followed. */
        final boolean incremental;
        int pieces;

        Splitter(Random random, Answer answer) {
            this.random = random;
            this.answer = answer;
            this.interleave = random.nextInt(3) == 0;
            this.nameLater = random.nextInt(4) == 0;
            List<Call> calls = answer.calls();
            long followed = answer.afterword() != null ? calls.size() : Math.max(0, calls.size() - 1);
            boolean emptyCallFollowed = calls.stream().limit(followed).anyMatch(c -> c.arguments().isEmpty());
            this.incremental = !interleave && !nameLater && !emptyCallFollowed;
        }

        List<Item> split() {
            List<Item> items = new ArrayList<>();
            if (random.nextBoolean()) {
                deltas.add(new ChatCompletionChunk.ChunkDelta("assistant", random.nextBoolean() ? "" : null, null, null));
            }
            textDeltas(answer.reasoning(), true);
            textDeltas(answer.text(), false);
            textDeltas(answer.lateReasoning(), true);
            toolDeltas();
            textDeltas(answer.afterword(), false);
            mergeNeighbours();
            boolean finishApart = deltas.isEmpty() || random.nextBoolean();
            int usagePlacement = random.nextInt(3);
            for (int i = 0; i < deltas.size(); i++) {
                boolean last = i == deltas.size() - 1 && !finishApart;
                ChatUsage running = usagePlacement == 2 && random.nextInt(4) == 0 ? stale() : null;
                add(items, deltas.get(i), last ? answer.finishReason() : null,
                        last && usagePlacement == 0 ? answer.usage() : running);
            }
            if (finishApart) {
                add(items, new ChatCompletionChunk.ChunkDelta(null, random.nextBoolean() ? "" : null, null, null),
                        answer.finishReason(), usagePlacement == 0 ? answer.usage() : null);
            }
            if (usagePlacement != 0 && answer.usage() != null) {
                add(items, null, null, answer.usage());
            }
            return items;
        }

        private ChatUsage stale() {
            ChatUsage real = answer.usage();
            return real == null ? null : new ChatUsage(real.prompt(), real.completion() / 2, null, null, null, null);
        }

        private void add(List<Item> items, ChatCompletionChunk.ChunkDelta delta, String finish, ChatUsage usage) {
            while (random.nextInt(10) == 0) {
                items.add(new Item(null));
            }
            List<ChatCompletionChunk.Choice> choices = delta == null && finish == null ? List.of()
                    : List.of(new ChatCompletionChunk.Choice(0, delta, finish));
            ChatCompletionChunk chunk = new ChatCompletionChunk("chatcmpl-p", "deepseek-chat", choices, usage);
            items.add(new Item(random.nextInt(4) == 0 ? roundTrip(chunk) : chunk));
        }

        private static ChatCompletionChunk roundTrip(ChatCompletionChunk chunk) {
            try {
                return AnthropicSse.JSON.readValue(AnthropicSse.JSON.writeValueAsString(chunk), ChatCompletionChunk.class);
            } catch (JsonProcessingException e) {
                throw new AssertionError(e);
            }
        }

        private void textDeltas(String text, boolean reasoning) {
            for (String piece : cut(text)) {
                if (!piece.isEmpty()) {
                    pieces++;
                }
                deltas.add(reasoning ? new ChatCompletionChunk.ChunkDelta(null, null, piece, null)
                        : new ChatCompletionChunk.ChunkDelta(null, piece, null, List.of()));
            }
        }

        private void toolDeltas() {
            List<List<ToolCall>> perCall = new ArrayList<>();
            for (int i = 0; i < answer.calls().size(); i++) {
                perCall.add(fragments(i, answer.calls().get(i)));
            }
            int[] next = new int[perCall.size()];
            while (true) {
                List<Integer> open = new ArrayList<>();
                for (int i = 0; i < perCall.size(); i++) {
                    boolean earlierStarted = i == 0 || next[i - 1] > 0;
                    boolean earlierDone = i == 0 || next[i - 1] == perCall.get(i - 1).size();
                    if (next[i] < perCall.get(i).size() && (interleave ? earlierStarted : earlierDone)) {
                        open.add(i);
                    }
                }
                if (open.isEmpty()) {
                    return;
                }
                int call = open.get(random.nextInt(open.size()));
                ToolCall fragment = perCall.get(call).get(next[call]++);
                deltas.add(new ChatCompletionChunk.ChunkDelta(null, null, null, List.of(fragment)));
            }
        }

        private List<ToolCall> fragments(int index, Call call) {
            List<String> cuts = cut(call.arguments());
            List<ToolCall> fragments = new ArrayList<>();
            for (int i = 0; i < cuts.size(); i++) {
                boolean first = i == 0 && !nameLater;
                if (!cuts.get(i).isEmpty()) {
                    pieces++;
                }
                fragments.add(new ToolCall(index, first ? call.id() : null, first ? "function" : null,
                        new ToolCall.FunctionCall(first ? call.name() : null, cuts.get(i))));
            }
            if (nameLater) {
                ToolCall naming = new ToolCall(index, call.id(), "function", new ToolCall.FunctionCall(call.name(), null));
                fragments.add(1 + random.nextInt(fragments.size()), naming);
            }
            return fragments;
        }

        /** Random pieces at code point boundaries, sometimes empty ones; at least one piece for non-null text. */
        private List<String> cut(String text) {
            List<String> pieces = new ArrayList<>();
            if (text == null) {
                return pieces;
            }
            int at = 0;
            do {
                int end = Math.min(text.length(), at + random.nextInt(6));
                if (end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
                    end++;
                }
                pieces.add(text.substring(at, end));
                at = end;
            } while (at < text.length());
            return pieces;
        }

        /** Packs neighbouring deltas into one chunk where a chunk can hold them: reasoning, then text, then tools. */
        private void mergeNeighbours() {
            List<ChatCompletionChunk.ChunkDelta> merged = new ArrayList<>();
            for (ChatCompletionChunk.ChunkDelta delta : deltas) {
                int last = merged.size() - 1;
                if (last >= 0 && random.nextInt(3) == 0 && fits(merged.get(last), delta)) {
                    merged.set(last, merge(merged.get(last), delta));
                } else {
                    merged.add(delta);
                }
            }
            deltas.clear();
            deltas.addAll(merged);
        }

        private static boolean fits(ChatCompletionChunk.ChunkDelta before, ChatCompletionChunk.ChunkDelta after) {
            boolean beforeHasTools = before.toolCalls() != null && !before.toolCalls().isEmpty();
            if (after.reasoningContent() != null) {
                return before.reasoningContent() == null && before.content() == null && !beforeHasTools;
            }
            if (after.content() != null) {
                return before.content() == null && !beforeHasTools;
            }
            return after.role() == null;
        }

        private static ChatCompletionChunk.ChunkDelta merge(ChatCompletionChunk.ChunkDelta a,
                ChatCompletionChunk.ChunkDelta b) {
            List<ToolCall> calls = new ArrayList<>();
            if (a.toolCalls() != null) {
                calls.addAll(a.toolCalls());
            }
            if (b.toolCalls() != null) {
                calls.addAll(b.toolCalls());
            }
            return new ChatCompletionChunk.ChunkDelta(a.role() != null ? a.role() : b.role(),
                    a.content() != null ? a.content() : b.content(),
                    a.reasoningContent() != null ? a.reasoningContent() : b.reasoningContent(), calls);
        }
    }
}
