package dev.optoant.domain.convert;

import static dev.optoant.domain.convert.ChunkFixtures.call;
import static dev.optoant.domain.convert.ChunkFixtures.finish;
import static dev.optoant.domain.convert.ChunkFixtures.fragment;
import static dev.optoant.domain.convert.ChunkFixtures.reasoning;
import static dev.optoant.domain.convert.ChunkFixtures.role;
import static dev.optoant.domain.convert.ChunkFixtures.text;
import static dev.optoant.domain.convert.ChunkFixtures.tools;
import static dev.optoant.domain.convert.ChunkFixtures.usageOnly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.optoant.domain.anthropic.ContentBlock;
import dev.optoant.domain.anthropic.Delta;
import dev.optoant.domain.anthropic.MessagesResponse;
import dev.optoant.domain.anthropic.StreamEvent;
import dev.optoant.domain.anthropic.Usage;
import dev.optoant.domain.openai.ChatCompletionChunk;
import dev.optoant.domain.openai.ToolCall;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamTranslatorTest {
    private static final String ID = "msg_01Unit";

    private final StreamEventRecorder sink = new StreamEventRecorder();
    private final StreamTranslator translator = new StreamTranslator(ID, "claude-sonnet-4-5", 100, sink);

    private MessagesResponse message() {
        EventSequenceChecker.assertWellFormed(sink.events);
        return StreamedMessageAccumulator.accumulate(sink.events);
    }

    @Test
    void startSendsTheMessageShellOnceWithTheInputEstimate() throws IOException {
        translator.start();
        translator.start();

        assertThat(sink.events).containsExactly(new StreamEvent.MessageStart(new MessagesResponse(ID, "claude-sonnet-4-5",
                List.of(), null, null, new Usage(100, 0, 0, 0))));
    }

    @Test
    void theFirstChunkStartsTheMessageImplicitly() throws IOException {
        translator.onChunk(text("hi"));

        assertThat(sink.types()).containsExactly("message_start", "content_block_start", "content_block_delta");
    }

    @Test
    void roleOnlyChunksEmptyDeltasAndEmptyToolCallListsProduceNothing() throws IOException {
        translator.start();
        translator.onChunk(role());
        translator.onChunk(text(""));
        translator.onChunk(reasoning(""));
        translator.onChunk(tools());
        translator.onChunk(new ChatCompletionChunk("c", "m", null, null));
        translator.onChunk(finish("stop"));

        assertThat(sink.types()).containsExactly("message_start");
    }

    @Test
    void theFinishReasonWaitsForFinish() throws IOException {
        translator.onChunk(text("a"));
        translator.onChunk(finish("length"));
        assertThat(sink.types()).doesNotContain("content_block_stop", "message_delta");
        assertThat(translator.stopReason()).isNull();

        translator.finish();

        assertThat(sink.types()).endsWith("content_block_stop", "message_delta", "message_stop");
        assertThat(translator.stopReason()).isEqualTo("max_tokens");
        assertThat(translator.ended()).isTrue();
    }

    @Test
    void finishIsIdempotentAndNothingFollowsIt() throws IOException {
        translator.onChunk(text("a"));
        translator.finish();
        int sent = sink.events.size();

        translator.finish();
        translator.onChunk(text("late"));
        translator.onKeepAlive();
        translator.fail("api_error", "late");

        assertThat(sink.events).hasSize(sent);
    }

    @Test
    void failSendsOneErrorEventAndEndsTheStream() throws IOException {
        translator.onChunk(text("partial"));
        translator.fail("api_error", "upstream broke");
        translator.finish();
        translator.fail("api_error", "again");

        assertThat(sink.events.getLast()).isEqualTo(
                new StreamEvent.Error(new StreamEvent.ErrorBody("api_error", "upstream broke")));
        assertThat(sink.types()).doesNotContain("content_block_stop", "message_delta", "message_stop");
        assertThat(translator.ended()).isTrue();
        assertThat(translator.stopReason()).isNull();
        EventSequenceChecker.assertWellFormed(sink.events);
    }

    @Test
    void failBeforeAnythingElseIsTheOnlyEvent() throws IOException {
        translator.fail("overloaded_error", "busy");

        assertThat(sink.types()).containsExactly("error");
    }

    @Test
    void deepSeeksInsufficientSystemResourceEndsInAnOverloadedError() throws IOException {
        translator.onChunk(text("a"));
        translator.onChunk(finish("insufficient_system_resource"));
        translator.finish();

        assertThat(sink.events.getLast()).isInstanceOfSatisfying(StreamEvent.Error.class,
                error -> assertThat(error.error().type()).isEqualTo("overloaded_error"));
        assertThat(translator.ended()).isTrue();
        assertThat(translator.failure()).hasValueSatisfying(
                failure -> assertThat(failure.type()).isEqualTo("overloaded_error"));
    }

    @Test
    void keepAlivesArePings() throws IOException {
        translator.onKeepAlive();
        translator.onChunk(text("a"));
        translator.onKeepAlive();

        assertThat(sink.types()).containsExactly("message_start", "ping", "content_block_start", "content_block_delta",
                "ping");
    }

    @Test
    void sendFailuresPropagate() throws IOException {
        StreamTranslator failingAtStart = new StreamTranslator(ID, "m", 1, new StreamEventRecorder(1));
        StreamTranslator failingMidway = new StreamTranslator(ID, "m", 1, new StreamEventRecorder(4));
        StreamTranslator failingAtEnd = new StreamTranslator(ID, "m", 1, new StreamEventRecorder(5));
        failingMidway.onChunk(text("a"));
        failingAtEnd.onChunk(text("a"));
        failingAtEnd.onChunk(text("b"));

        assertThatThrownBy(failingAtStart::start).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> failingMidway.onChunk(text("b"))).isInstanceOf(IOException.class);
        assertThatThrownBy(failingAtEnd::finish).isInstanceOf(IOException.class);
    }

    @Test
    void aFailedFinishStillEndsTheStreamSoNothingIsSentTwice() throws IOException {
        StreamEventRecorder failingAtStop = new StreamEventRecorder(4);
        StreamTranslator stream = new StreamTranslator(ID, "m", 1, failingAtStop);
        stream.onChunk(text("a"));

        assertThatThrownBy(stream::finish).isInstanceOf(IOException.class);
        assertThat(stream.ended()).isTrue();
        stream.finish();
        stream.fail("api_error", "x");
        assertThat(failingAtStop.types()).containsExactly("message_start", "content_block_start", "content_block_delta");
    }

    @Test
    void usageIsTheEstimateUntilTheUpstreamReportsAndThenItsLastReport() throws IOException {
        translator.onChunk(text("12345678"));
        assertThat(translator.usage()).isEqualTo(new Usage(100, 0, 0, 2));

        translator.onChunk(new ChatCompletionChunk("c", "m", List.of(), ChunkFixtures.usage(50, 1, 0)));
        translator.onChunk(finish("stop"));
        translator.onChunk(usageOnly(50, 9, 20));
        translator.finish();

        assertThat(translator.usage()).isEqualTo(new Usage(30, 0, 20, 9));
        assertThat(((StreamEvent.MessageDelta) sink.events.get(sink.events.size() - 2)).usage())
                .isEqualTo(new Usage(30, 0, 20, 9));
    }

    @Test
    void aSingleToolCallStreamsEachFragmentAsItArrives() throws IOException {
        translator.onChunk(tools(call(0, "call_1", "edit", "")));
        assertThat(sink.types()).endsWith("content_block_start");
        for (String piece : List.of("{\"pa", "th\":\"a", ".txt\"}")) {
            translator.onChunk(tools(fragment(0, piece)));
            assertThat(sink.events.getLast()).isEqualTo(
                    new StreamEvent.ContentBlockDelta(0, new Delta.InputJsonDelta(piece)));
        }
    }

    @Test
    void aCallWhoseArgumentsAreIncompleteHoldsTheNextCallUntilTheyComplete() throws IOException {
        translator.onChunk(tools(call(0, "call_0", "a", "{\"x\":")));
        translator.onChunk(tools(call(1, "call_1", "b", "{\"y\":2}")));
        assertThat(sink.types()).doesNotContain("content_block_stop");

        translator.onChunk(tools(fragment(0, "1}")));

        assertThat(sink.events.subList(3, sink.events.size())).containsExactly(
                new StreamEvent.ContentBlockDelta(0, new Delta.InputJsonDelta("1}")),
                new StreamEvent.ContentBlockStop(0),
                new StreamEvent.ContentBlockStart(1, new ContentBlock.ToolUse("call_1", "b",
                        JsonNodeFactory.instance.objectNode())),
                new StreamEvent.ContentBlockDelta(1, new Delta.InputJsonDelta("{\"y\":2}")));
    }

    @Test
    void aFragmentForAClosedCallIsDropped() throws IOException {
        translator.onChunk(tools(call(0, "call_0", "a", "{}")));
        translator.onChunk(tools(call(1, "call_1", "b", "{}")));
        int sent = sink.events.size();

        translator.onChunk(tools(fragment(0, " ")));

        assertThat(sink.events).hasSize(sent);
        translator.finish();
        assertThat(message().content()).hasSize(2);
    }

    @Test
    void textAfterAnUnfinishedCallIsHeldAndSentAfterIt() throws IOException {
        translator.onChunk(tools(call(0, "call_0", "a", "{\"x\":")));
        translator.onChunk(text("held "));
        translator.onChunk(text("text"));
        assertThat(sink.types()).doesNotContain("content_block_stop");

        translator.onChunk(tools(fragment(0, "1}")));
        translator.finish();

        assertThat(message().content()).containsExactly(
                new ContentBlock.ToolUse("call_0", "a", JsonNodeFactory.instance.objectNode().put("x", 1)),
                new ContentBlock.Text("held text"));
    }

    @Test
    void aCallIsHeldUntilItsNameArrives() throws IOException {
        translator.onChunk(tools(fragment(0, "{\"q\":")));
        translator.onChunk(text("behind the call"));
        assertThat(sink.types()).containsExactly("message_start");

        translator.onChunk(tools(call(0, "call_q", "search", null)));

        assertThat(sink.types()).containsExactly("message_start", "content_block_start", "content_block_delta");
        translator.onChunk(tools(fragment(0, "1}")));
        translator.finish();
        assertThat(message().content()).containsExactly(
                new ContentBlock.ToolUse("call_q", "search", JsonNodeFactory.instance.objectNode().put("q", 1)),
                new ContentBlock.Text("behind the call"));
    }

    @Test
    void atTheEndACallWithoutANameIsSentUnnamedAndAnEmptyIndexIsDropped() throws IOException {
        translator.onChunk(tools(fragment(0, "{\"a\":1}")));
        translator.onChunk(tools(new ToolCall(1, null, null, null)));
        translator.finish();

        assertThat(message().content()).containsExactly(new ContentBlock.ToolUse(ToolUseIds.forCall(ID, 0), "",
                JsonNodeFactory.instance.objectNode().put("a", 1)));
        assertThat(translator.stopReason()).isEqualTo("tool_use");
    }

    @Test
    void cutArgumentsGetTheirClosingCharactersBeforeTheBlockStops() throws IOException {
        translator.onChunk(tools(call(0, "call_0", "write", "{\"text\":\"abc")));
        translator.onChunk(finish("length"));
        translator.finish();

        assertThat(sink.events).contains(new StreamEvent.ContentBlockDelta(0, new Delta.InputJsonDelta("\"}")));
        assertThat(message().content()).containsExactly(new ContentBlock.ToolUse("call_0", "write",
                JsonNodeFactory.instance.objectNode().put("text", "abc")));
    }

    @Test
    void callsWithoutAnIndexAreToldApartByTheirIds() throws IOException {
        translator.onChunk(tools(call(null, "call_a", "a", "{\"n\":1}"), call(null, "call_b", "b", "{\"n\":2}")));
        translator.finish();

        assertThat(message().content()).extracting(block -> ((ContentBlock.ToolUse) block).id())
                .containsExactly("call_a", "call_b");
    }

    @Test
    void reasoningAndTextInOneChunkGiveAThinkingBlockThenATextBlock() throws IOException {
        translator.onChunk(ChunkFixtures.chunk(new ChatCompletionChunk.ChunkDelta(null, "answer", "thought", null), null));
        translator.finish();

        assertThat(message().content()).containsExactly(new ContentBlock.Thinking("thought", ""),
                new ContentBlock.Text("answer"));
    }

    @Test
    void otherChoicesThanTheFirstAreIgnored() throws IOException {
        translator.onChunk(new ChatCompletionChunk("c", "m", List.of(
                new ChatCompletionChunk.Choice(1, new ChatCompletionChunk.ChunkDelta(null, "other", null, null), "length"),
                new ChatCompletionChunk.Choice(0, new ChatCompletionChunk.ChunkDelta(null, "mine", null, null), null)),
                null));
        translator.finish();

        assertThat(message().content()).containsExactly(new ContentBlock.Text("mine"));
        assertThat(translator.stopReason()).isEqualTo("end_turn");
    }
}
