package dev.optoant.domain.port;

import dev.optoant.domain.anthropic.StreamEvent;
import java.io.IOException;

/** Outbound side of a streamed Anthropic answer: each event is written and flushed to the client at once. */
public interface EventSink {

    /** Writes and flushes one event; an IOException means the client went away. */
    void send(StreamEvent event) throws IOException;
}
