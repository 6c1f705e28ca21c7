package dev.optoant.domain.messages;

import dev.optoant.domain.anthropic.StreamEvent;
import dev.optoant.domain.port.EventSink;
import java.io.IOException;

/** Serialises writes from the relay loop and the heartbeat, and drops pings once the stream is over. */
final class GuardedSink implements EventSink {
    private static final StreamEvent.Ping PING = new StreamEvent.Ping();

    private final EventSink target;
    private volatile long lastSentNanos = System.nanoTime();
    private boolean closed;

    GuardedSink(EventSink target) {
        this.target = target;
    }

    @Override
    public synchronized void send(StreamEvent event) throws IOException {
        if (closed) {
            return;
        }
        target.send(event);
        lastSentNanos = System.nanoTime();
    }

    @Override
    public synchronized void flush() throws IOException {
        if (!closed) {
            target.flush();
        }
    }

    synchronized void close() {
        closed = true;
    }

    void pingIfSilentFor(long nanos) {
        if (System.nanoTime() - lastSentNanos < nanos) {
            return;
        }
        try {
            synchronized (this) {
                send(PING);
                flush();
            }
        } catch (IOException clientGone) {
            // The relay loop sees the same failure on its next write and aborts the upstream call.
        }
    }
}
