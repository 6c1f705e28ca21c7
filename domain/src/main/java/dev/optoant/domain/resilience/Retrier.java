package dev.optoant.domain.resilience;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/** Applies a {@link RetryPolicy} in an upstream call loop: how long to wait before the next attempt, and the wait. */
public final class Retrier {
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    public Retrier(RetryPolicy policy, Sleeper sleeper, DoubleSupplier random) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.random = random;
    }

    public Retrier(RetryPolicy policy) {
        this(policy, Sleeper.REAL, () -> ThreadLocalRandom.current().nextDouble());
    }

    public static Retrier none() {
        return new Retrier(RetryPolicy.none());
    }

    /** The wait before another attempt after {@code attemptsMade} failures, given the raw Retry-After if any. */
    public Optional<Duration> nextWait(int attemptsMade, String retryAfterHeader) {
        return policy.nextDelay(attemptsMade, RetryAfter.parse(retryAfterHeader, Instant.now()), random);
    }

    /** Sleeps; false when interrupted, in which case no further attempt should be made. */
    public boolean pause(Duration wait) {
        try {
            sleeper.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
