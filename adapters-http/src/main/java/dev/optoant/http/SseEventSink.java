package dev.optoant.http;

import dev.optoant.domain.anthropic.StreamEvent;
import dev.optoant.domain.port.EventSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes Anthropic stream events as SSE frames ({@code event: <type>} + {@code data: <json>}). */
final class SseEventSink implements EventSink {
    private static final byte[] EVENT = "event: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA = "\ndata: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    private final int captureBytes;
    private final ByteArrayOutputStream captured;

    SseEventSink(OutputStream out) {
        this(out, 0);
    }

    /** A sink that also keeps the first {@code captureBytes} bytes it wrote, for the request log. */
    SseEventSink(OutputStream out, int captureBytes) {
        this.out = out;
        this.captureBytes = captureBytes;
        this.captured = captureBytes > 0 ? new ByteArrayOutputStream() : null;
    }

    @Override
    public void send(StreamEvent event) throws IOException {
        write(EVENT);
        write(event.type().getBytes(StandardCharsets.US_ASCII));
        write(DATA);
        write(AnthropicJson.write(event));
        write(END);
    }

    private void write(byte[] bytes) throws IOException {
        out.write(bytes);
        if (captured != null && captured.size() < captureBytes) {
            captured.write(bytes, 0, Math.min(bytes.length, captureBytes - captured.size()));
        }
    }

    /** What was kept of the written stream, or null when nothing is kept. */
    String captured() {
        return captured == null ? null : captured.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }
}
