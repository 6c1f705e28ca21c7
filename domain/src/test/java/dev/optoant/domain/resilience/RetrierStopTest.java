package dev.optoant.domain.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link Retrier#stop}: a real wait in progress ends at once, and no later wait begins. */
class RetrierStopTest {
    private final Retrier retrier = new Retrier(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(20),
            Duration.ofMinutes(5)));

    @Test
    void stopEndsAWaitInProgressWithoutInterruptingItsThread() throws Exception {
        CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
        CompletableFuture<Boolean> paused = CompletableFuture.supplyAsync(() -> {
            boolean result = retrier.pause(Duration.ofMinutes(5));
            interrupted.complete(Thread.currentThread().isInterrupted());
            return result;
        });

        retrier.stop();

        assertThat(paused.get(30, TimeUnit.SECONDS)).as("go on with another attempt").isFalse();
        assertThat(interrupted.get()).isFalse();
    }

    @Test
    void noWaitBeginsOnceStopped() {
        retrier.stop();

        assertThat(retrier.pause(Duration.ofMinutes(5))).isFalse();
    }

    @Test
    void anUnstoppedShortWaitEndsInAnotherAttempt() {
        assertThat(retrier.pause(Duration.ofMillis(1))).isTrue();
    }
}
