package dev.optoant.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optoant.domain.anthropic.Delta;
import dev.optoant.domain.anthropic.StreamEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SSE frames {@link SseEventSink} writes, when they leave, and what it keeps for the request log. */
class SseEventSinkTest {
    private static final String FRAMES = "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":3}\n\n"
            + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";

    @Test
    void framesLeaveOnFlushExactlyAsSseWantsThem() throws IOException {
        CountingOutput out = new CountingOutput();
        SseEventSink sink = new SseEventSink(out);
        sink.send(new StreamEvent.ContentBlockStop(3));
        sink.send(new StreamEvent.MessageStop());
        assertThat(out.size()).isZero();
        sink.flush();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(FRAMES);
        assertThat(out.flushes).isEqualTo(1);
        assertThat(sink.captured()).isNull();
    }

    @Test
    void keepsTheFirstBytesWhenAskedAndWritesTheRestAtClose() throws IOException {
        CountingOutput out = new CountingOutput();
        SseEventSink sink = new SseEventSink(out, 40);
        sink.send(new StreamEvent.ContentBlockStop(3));
        sink.send(new StreamEvent.MessageStop());
        sink.close();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(FRAMES);
        assertThat(out.closed).isFalse();
        assertThat(sink.captured()).isEqualTo(FRAMES.substring(0, 40));
    }

    @Test
    void deltaFramesHoldWhatDatabindWritesForThem() throws IOException {
        String[] pieces = {"plain", "", "é ü 中文 😀", "quote \" backslash \\ newline \n tab \t \u0001 \u001f \u007f",
            "</script> \u2028\u2029", "\ud800 lone surrogate", "{\"path\":\"a.txt\"}", "x".repeat(9000) + "é".repeat(5000), null};
        List<StreamEvent> events = new ArrayList<>();
        for (String piece : pieces) {
            events.add(new StreamEvent.ContentBlockDelta(0, new Delta.TextDelta(piece)));
            events.add(new StreamEvent.ContentBlockDelta(1, new Delta.ThinkingDelta(piece)));
            events.add(new StreamEvent.ContentBlockDelta(Integer.MAX_VALUE, new Delta.InputJsonDelta(piece)));
            events.add(new StreamEvent.ContentBlockDelta(-1, new Delta.SignatureDelta(piece)));
        }
        events.add(new StreamEvent.ContentBlockDelta(2, null));
        ObjectMapper databind = new ObjectMapper();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        CountingOutput out = new CountingOutput();
        SseEventSink sink = new SseEventSink(out);
        for (StreamEvent event : events) {
            expected.writeBytes(("event: " + event.type() + "\ndata: ").getBytes(StandardCharsets.UTF_8));
            expected.writeBytes(databind.writeValueAsBytes(event));
            expected.writeBytes("\n\n".getBytes(StandardCharsets.UTF_8));
            sink.send(event);
        }
        sink.flush();
        assertThat(out.toByteArray()).isEqualTo(expected.toByteArray());
    }

    /** Counts flushes and remembers a close. */
    private static final class CountingOutput extends ByteArrayOutputStream {
        private int flushes;
        private boolean closed;

        @Override
        public void flush() {
            flushes++;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
