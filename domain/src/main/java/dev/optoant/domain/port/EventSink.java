package dev.optoant.domain.port;

import dev.optoant.domain.anthropic.StreamEvent;
import java.io.IOException;

/** Outbound side of a streamed Anthropic answer: events are written in order and pushed out on {@link #flush}. */
public interface EventSink {

    /** Writes one event; an IOException means the client went away. */
    void send(StreamEvent event) throws IOException;

    /** Pushes every written event to the client now. */
    default void flush() throws IOException {
    }
}
