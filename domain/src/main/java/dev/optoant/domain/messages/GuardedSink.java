package dev.optoant.domain.messages;

import dev.optoant.domain.anthropic.StreamEvent;
import dev.optoant.domain.port.EventSink;
import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;

/** Serialises writes from the relay loop and the heartbeat, and drops pings once the stream is over. */
final class GuardedSink implements EventSink {
    private static final StreamEvent.Ping PING = new StreamEvent.Ping();

    private final EventSink target;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile long lastSentNanos = System.nanoTime();
    private boolean closed;

    GuardedSink(EventSink target) {
        this.target = target;
    }

    @Override
    public void send(StreamEvent event) throws IOException {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            target.send(event);
            lastSentNanos = System.nanoTime();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void flush() throws IOException {
        lock.lock();
        try {
            if (!closed) {
                target.flush();
            }
        } finally {
            lock.unlock();
        }
    }

    void close() {
        lock.lock();
        try {
            closed = true;
        } finally {
            lock.unlock();
        }
    }

    boolean silentFor(long nanos) {
        return System.nanoTime() - lastSentNanos >= nanos;
    }

    /**
     * Sends a ping if nothing went out for {@code nanos}. A write under way, which a slow client can hold up for
     * as long as the server's idle timeout, means the stream is not silent: the ping is skipped, not queued.
     */
    void pingIfSilentFor(long nanos) {
        if (!silentFor(nanos) || !lock.tryLock()) {
            return;
        }
        try {
            send(PING);
            flush();
        } catch (IOException clientGone) {
            // The relay loop sees the same failure on its next write and aborts the upstream call.
        } finally {
            lock.unlock();
        }
    }
}
