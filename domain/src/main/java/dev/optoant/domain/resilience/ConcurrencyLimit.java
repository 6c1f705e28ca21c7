package dev.optoant.domain.resilience;

import dev.optoant.domain.error.ErrorKind;
import dev.optoant.domain.error.GatewayException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** A cap on how many of something (requests, streams) run at once; over it, callers are refused, never queued. */
public final class ConcurrencyLimit {
    private final String what;
    private final int max;
    private final AtomicInteger active = new AtomicInteger();

    /** @param what plural noun for messages, e.g. "streams" */
    public ConcurrencyLimit(String what, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("a concurrency limit must be at least 1");
        }
        this.what = what;
        this.max = max;
    }

    public static ConcurrencyLimit unlimited(String what) {
        return new ConcurrencyLimit(what, Integer.MAX_VALUE);
    }

    /** A permit to release when done; throws a rate-limit {@link GatewayException} when all are taken. */
    public Permit acquire() {
        int now;
        do {
            now = active.get();
            if (now >= max) {
                throw new GatewayException(ErrorKind.RATE_LIMITED, "The gateway is serving its limit of " + max
                        + " concurrent " + what + "; retry shortly");
            }
        } while (!active.compareAndSet(now, now + 1));
        return new Permit();
    }

    public int active() {
        return active.get();
    }

    public int max() {
        return max;
    }

    /** One taken slot; closing it more than once releases it once. */
    public final class Permit implements AutoCloseable {
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit() {
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                active.decrementAndGet();
            }
        }
    }
}
