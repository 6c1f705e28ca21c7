package dev.optoant.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.optoant.domain.anthropic.StreamEvent;
import dev.optoant.domain.port.EventSink;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes Anthropic stream events as SSE frames ({@code event: <type>} + {@code data: <json>}) through a JSON
 * generator that buffers frames until {@link #flush}; between flushes the stream holds no generator or buffer.
 */
final class SseEventSink implements EventSink {
    private static final SerializedString FRAME_END = new SerializedString("\n\n");
    /** {@code event: <type>\ndata: } of each event type, encoded once. */
    private static final Map<String, SerializedString> FRAME_STARTS = frameStarts("message_start",
            "content_block_start", "content_block_delta", "content_block_stop", "message_delta", "message_stop",
            "ping", "error");

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
        SerializedString frameStart = FRAME_STARTS.get(event.type());
        if (frameStart != null) {
            generator.writeRaw(frameStart);
        } else {
            generator.writeRaw("event: ");
            generator.writeRaw(event.type());
            generator.writeRaw("\ndata: ");
        }
        AnthropicJson.writeEvent(generator, event);
        generator.writeRaw(FRAME_END);
    }

    private static Map<String, SerializedString> frameStarts(String... types) {
        return Stream.of(types).collect(Collectors.toUnmodifiableMap(Function.identity(),
                type -> new SerializedString("event: " + type + "\ndata: ")));
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
