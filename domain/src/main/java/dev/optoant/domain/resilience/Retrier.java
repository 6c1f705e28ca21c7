package dev.optoant.domain.resilience;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * Applies a {@link RetryPolicy} in an upstream call loop: how long to wait before the next attempt, and the wait,
 * which {@link #stop} ends for good when the gateway shuts down.
 */
public final class Retrier {
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final CountDownLatch stopped = new CountDownLatch(1);

    public Retrier(RetryPolicy policy, Sleeper sleeper, DoubleSupplier random) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.random = random;
    }

    /** Real waits with jitter; {@link #stop} cuts them short. */
    public Retrier(RetryPolicy policy) {
        this.policy = policy;
        this.sleeper = wait -> stopped.await(wait.toNanos(), TimeUnit.NANOSECONDS);
        this.random = () -> ThreadLocalRandom.current().nextDouble();
    }

    public static Retrier none() {
        return new Retrier(RetryPolicy.none());
    }

    /** The wait before another attempt after {@code attemptsMade} failures, given the raw Retry-After if any. */
    public Optional<Duration> nextWait(int attemptsMade, String retryAfterHeader) {
        return policy.nextDelay(attemptsMade, RetryAfter.parse(retryAfterHeader, Instant.now()), random);
    }

    /** Waits; false when interrupted or stopped, in which case no further attempt should be made. */
    public boolean pause(Duration wait) {
        if (stopped.getCount() == 0) {
            return false;
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return stopped.getCount() > 0;
    }

    /**
     * Ends the waits in progress and every later one: for the end of a shutdown's grace period, when the upstream
     * connections are cut, so that a request waiting to retry answers its client while the gateway can still log it.
     */
    public void stop() {
        stopped.countDown();
    }
}
