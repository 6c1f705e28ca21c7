package dev.optoant.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optoant.domain.anthropic.StreamEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
