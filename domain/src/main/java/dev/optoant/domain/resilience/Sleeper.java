package dev.optoant.domain.resilience;

import java.time.Duration;

/** Waits between retries; tests substitute one that records instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
}
