package dev.optoant.domain.messages;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Sends {@code ping} events on streams that have been silent for an interval, so clients and proxies don't time out. */
public final class Heartbeat {
    private final ScheduledExecutorService scheduler;
    private final long intervalNanos;

    public Heartbeat(ScheduledExecutorService scheduler, Duration interval) {
        this.scheduler = scheduler;
        this.intervalNanos = interval.toNanos();
    }

    /**
     * Starts watching a sink; cancel the returned handle when the stream ends. The scheduler only decides: each
     * ping is written on a virtual thread of its own, so a client that does not read holds up no other stream's pings.
     */
    ScheduledFuture<?> watch(GuardedSink sink) {
        long period = Math.max(intervalNanos / 2, TimeUnit.MILLISECONDS.toNanos(10));
        return scheduler.scheduleAtFixedRate(() -> {
            if (sink.silentFor(intervalNanos)) {
                Thread.ofVirtual().name("anthropic-ping").start(() -> sink.pingIfSilentFor(intervalNanos));
            }
        }, period, period, TimeUnit.NANOSECONDS);
    }
}
