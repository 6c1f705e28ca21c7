package dev.optoant.domain.resilience;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * Which upstream failures that reached the client with no byte yet are worth another attempt, and how long to wait
 * before it: bounded exponential backoff with jitter, or the upstream's own {@code Retry-After} when it is short.
 *
 * @param maxAttempts attempts in all, the first included; 1 turns retries off
 * @param initialBackoff the wait before the first retry, doubled for each further one
 * @param maxBackoff the longest backoff
 * @param maxRetryAfter the longest {@code Retry-After} honoured; a longer one goes to the client instead
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {
    // 429 and 503/529 are refusals before any work; 502 is a proxy in front of the upstream that found it down.
    private static final Set<Integer> RETRYABLE_STATUSES = Set.of(429, 502, 503, 529);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0 || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("backoffs must satisfy 0 <= initialBackoff <= maxBackoff");
        }
    }

    /** A single attempt, no retry. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /** Whether an upstream answer with this status may be retried (before the client got anything). */
    public static boolean retryableStatus(int status) {
        return RETRYABLE_STATUSES.contains(status);
    }

    /**
     * The wait before the next attempt after {@code attemptsMade} failed ones, or empty when there is none: the
     * budget is spent, or the upstream asked for a longer pause than {@link #maxRetryAfter}.
     *
     * @param random a source of numbers in [0, 1) for the jitter
     */
    public Optional<Duration> nextDelay(int attemptsMade, Optional<Duration> retryAfter, DoubleSupplier random) {
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        if (retryAfter.isPresent()) {
            return retryAfter.get().compareTo(maxRetryAfter) <= 0 ? retryAfter : Optional.empty();
        }
        long base = initialBackoff.toMillis() << Math.min(attemptsMade - 1, 20);
        long capped = Math.min(base, maxBackoff.toMillis());
        // "Equal jitter": half fixed, half random, so retries from many requests spread out but never bunch at 0.
        return Optional.of(Duration.ofMillis(capped / 2 + (long) (random.getAsDouble() * (capped - capped / 2))));
    }
}
