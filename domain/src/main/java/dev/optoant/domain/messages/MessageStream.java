package dev.optoant.domain.messages;

import dev.optoant.domain.port.EventSink;
import java.io.IOException;

/** A streamed answer whose upstream call is already under way. */
public interface MessageStream extends AutoCloseable {

    /**
     * Writes the whole answer as Anthropic events, ending in {@code message_stop} or an {@code error} event.
     *
     * @throws IOException when the client went away; the upstream call is aborted first
     */
    void relayTo(EventSink sink) throws IOException;

    /** Releases the upstream call if {@link #relayTo} was never run. */
    @Override
    void close();
}
