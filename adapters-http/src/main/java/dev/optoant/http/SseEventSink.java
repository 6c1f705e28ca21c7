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
 * Writes Anthropic stream events as SSE frames ({@code event: <type>} + {@code data: <json>}) through one JSON
 * generator per stream, which buffers frames until {@link #flush}.
 */
final class SseEventSink implements EventSink {
    private final JsonGenerator out;
    private final OutputStream target;
    private final Capture captured;

    SseEventSink(OutputStream out) throws IOException {
        this(out, 0);
    }

    /** A sink that also keeps the first {@code captureBytes} bytes it wrote, for the request log. */
    SseEventSink(OutputStream out, int captureBytes) throws IOException {
        this.captured = captureBytes > 0 ? new Capture(out, captureBytes) : null;
        this.target = captured != null ? captured : out;
        this.out = AnthropicJson.eventGenerator(target);
    }

    @Override
    public void send(StreamEvent event) throws IOException {
        out.writeRaw("event: ");
        out.writeRaw(event.type());
        out.writeRaw("\ndata: ");
        AnthropicJson.writeEvent(out, event);
        out.writeRaw("\n\n");
    }

    /** Writes what the generator still holds and gives its buffers back; the output stays open. */
    void close() {
        try {
            out.close();
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
        out.flush();
        target.flush();
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
