package dev.optoant.http;

import dev.optoant.domain.port.EventSink;
import java.io.IOException;
import java.io.OutputStream;

/** Opens the HTTP adapter's package-private SSE event sink to the benchmarks. */
public final class HttpSinks {
    private HttpSinks() {
    }

    /** The sink the Anthropic lane writes a stream's events through, on {@code out}. */
    public static EventSink sse(OutputStream out) {
        return new SseEventSink(out);
    }

    /** Writes what the sink holds to its output. */
    public static void flush(EventSink sink) throws IOException {
        sink.flush();
    }
}
