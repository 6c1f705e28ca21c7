package dev.optoant.http;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.optoant.domain.anthropic.StreamEvent;
import dev.optoant.domain.port.EventSink;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes Anthropic stream events as SSE frames ({@code event: <type>} + {@code data: <json>}) through a JSON
 * generator that buffers frames until {@link #flush}; between flushes the stream holds no generator or buffer.
 */
final class SseEventSink implements EventSink {
    private final OutputStream target;
    private final Capture captured;
    /** Open from the first event after a flush until the next flush; its buffer goes back to the shared pool then. */
    private JsonGenerator out;

    SseEventSink(OutputStream out) {
        this(out, 0);
    }

    /** A sink that also keeps the first {@code captureBytes} bytes it wrote, for the request log. */
    SseEventSink(OutputStream out, int captureBytes) {
        this.captured = captureBytes > 0 ? new Capture(out, captureBytes) : null;
        this.target = captured != null ? captured : out;
    }

    @Override
    public void send(StreamEvent event) throws IOException {
        JsonGenerator generator = out;
        if (generator == null) {
            generator = AnthropicJson.eventGenerator(target);
            out = generator;
        }
        generator.writeRaw("event: ");
        generator.writeRaw(event.type());
        generator.writeRaw("\ndata: ");
        AnthropicJson.writeEvent(generator, event);
        generator.writeRaw("\n\n");
    }

    /** Writes what the generator still holds and gives its buffers back; the output stays open. */
    void close() {
        try {
            release();
        } catch (IOException clientGone) {
            // Nothing more can reach the client; the relay loop has recorded why.
        }
    }

    /** What was kept of the written stream, or null when nothing is kept. */
    String captured() {
        return captured == null ? null : captured.kept.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void flush() throws IOException {
        release();
        target.flush();
    }

    private void release() throws IOException {
        JsonGenerator generator = out;
        if (generator != null) {
            out = null;
            generator.close();
        }
    }

    /** Passes bytes through and keeps a copy of the first ones. */
    private static final class Capture extends FilterOutputStream {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final int limit;

        Capture(OutputStream out, int limit) {
            super(out);
            this.limit = limit;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            if (kept.size() < limit) {
                kept.write(bytes, offset, Math.min(length, limit - kept.size()));
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }
    }
}
