package dev.optoant.http;

import dev.optoant.domain.anthropic.StreamEvent;
import dev.optoant.domain.port.EventSink;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes Anthropic stream events as SSE frames ({@code event: <type>} + {@code data: <json>}). */
final class SseEventSink implements EventSink {
    private static final byte[] EVENT = "event: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA = "\ndata: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;

    SseEventSink(OutputStream out) {
        this.out = out;
    }

    @Override
    public void send(StreamEvent event) throws IOException {
        out.write(EVENT);
        out.write(event.type().getBytes(StandardCharsets.US_ASCII));
        out.write(DATA);
        out.write(AnthropicJson.write(event));
        out.write(END);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }
}
