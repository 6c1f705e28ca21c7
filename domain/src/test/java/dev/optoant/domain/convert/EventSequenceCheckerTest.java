package dev.optoant.domain.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.optoant.domain.anthropic.ContentBlock;
import dev.optoant.domain.anthropic.Delta;
import dev.optoant.domain.anthropic.MessagesResponse;
import dev.optoant.domain.anthropic.StreamEvent;
import dev.optoant.domain.anthropic.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The checker and the accumulator the stream tests rely on: they accept a good sequence and catch each broken rule. */
class EventSequenceCheckerTest {
    private static final StreamEvent START = new StreamEvent.MessageStart(
            new MessagesResponse("msg_1", "m", List.of(), null, null, new Usage(5, 0, 0, 0)));
    private static final StreamEvent PING = new StreamEvent.Ping();
    private static final StreamEvent TEXT_START = new StreamEvent.ContentBlockStart(0, new ContentBlock.Text(""));
    private static final StreamEvent TEXT_DELTA = new StreamEvent.ContentBlockDelta(0, new Delta.TextDelta("hi"));
    private static final StreamEvent TEXT_STOP = new StreamEvent.ContentBlockStop(0);
    private static final StreamEvent TOOL_START = new StreamEvent.ContentBlockStart(1,
            new ContentBlock.ToolUse("toolu_1", "f", JsonNodeFactory.instance.objectNode()));
    private static final StreamEvent TOOL_DELTA = new StreamEvent.ContentBlockDelta(1, new Delta.InputJsonDelta("{\"a\":1}"));
    private static final StreamEvent TOOL_STOP = new StreamEvent.ContentBlockStop(1);
    private static final StreamEvent DELTA = new StreamEvent.MessageDelta(
            new StreamEvent.MessageDelta.Body("tool_use", null), new Usage(5, 0, 0, 3));
    private static final StreamEvent STOP = new StreamEvent.MessageStop();
    private static final StreamEvent ERROR = new StreamEvent.Error(new StreamEvent.ErrorBody("api_error", "x"));

    private static final List<StreamEvent> GOOD = List.of(START, PING, TEXT_START, TEXT_DELTA, TEXT_STOP, TOOL_START,
            TOOL_DELTA, PING, TOOL_STOP, DELTA, STOP);

    @Test
    void acceptsAWellFormedSequenceAndAccumulatesIt() {
        EventSequenceChecker.assertWellFormed(GOOD);

        assertThat(StreamedMessageAccumulator.accumulate(GOOD)).isEqualTo(new MessagesResponse("msg_1", "m",
                List.of(new ContentBlock.Text("hi"),
                        new ContentBlock.ToolUse("toolu_1", "f", JsonNodeFactory.instance.objectNode().put("a", 1))),
                "tool_use", null, new Usage(5, 0, 0, 3)));
    }

    @Test
    void acceptsAnErrorAsTheLastEventEvenWithABlockOpen() {
        EventSequenceChecker.assertWellFormed(List.of(START, TEXT_START, TEXT_DELTA, ERROR));
        EventSequenceChecker.assertWellFormed(List.of(ERROR));
    }

    static Stream<Arguments> brokenSequences() {
        return Stream.of(
                broken("no message_start", events -> events.subList(1, events.size())),
                broken("message_start twice", events -> insert(events, 1, START)),
                broken("index gap", events -> replace(events, TOOL_START, new StreamEvent.ContentBlockStart(2,
                        new ContentBlock.ToolUse("toolu_1", "f", JsonNodeFactory.instance.objectNode())))),
                broken("block not closed before the next", events -> remove(events, TEXT_STOP)),
                broken("delta to a closed block", events -> insert(events, 6, TEXT_DELTA)),
                broken("delta to an unopened block", events -> insert(events, 2, TEXT_DELTA)),
                broken("delta of the wrong type", events -> replace(events, TEXT_DELTA,
                        new StreamEvent.ContentBlockDelta(0, new Delta.InputJsonDelta("{}")))),
                broken("empty delta", events -> replace(events, TEXT_DELTA,
                        new StreamEvent.ContentBlockDelta(0, new Delta.TextDelta("")))),
                broken("block not starting empty", events -> replace(events, TEXT_START,
                        new StreamEvent.ContentBlockStart(0, new ContentBlock.Text("x")))),
                broken("two message_deltas", events -> insert(events, 9, DELTA)),
                broken("no message_delta", events -> remove(events, DELTA)),
                broken("message_delta with a block open", events -> remove(events, TOOL_STOP)),
                broken("event after message_stop", events -> insert(events, events.size(), PING)),
                broken("event after error", events -> insert(events, events.size(), ERROR)),
                broken("no end", events -> events.subList(0, events.size() - 2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenSequences")
    void rejectsABrokenSequence(String rule, List<StreamEvent> events) {
        assertThatThrownBy(() -> EventSequenceChecker.assertWellFormed(events)).isInstanceOf(AssertionError.class);
    }

    private static Arguments broken(String rule, UnaryOperator<List<StreamEvent>> breakIt) {
        return Arguments.of(rule, breakIt.apply(new ArrayList<>(GOOD)));
    }

    private static List<StreamEvent> insert(List<StreamEvent> events, int at, StreamEvent event) {
        events.add(at, event);
        return events;
    }

    private static List<StreamEvent> remove(List<StreamEvent> events, StreamEvent event) {
        events.remove(event);
        return events;
    }

    private static List<StreamEvent> replace(List<StreamEvent> events, StreamEvent old, StreamEvent replacement) {
        events.set(events.indexOf(old), replacement);
        return events;
    }
}
