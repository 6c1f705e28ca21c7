package dev.optoant.domain.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optoant.domain.error.ErrorKind;
import dev.optoant.domain.error.GatewayException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(300),
            Duration.ofSeconds(5));

    @ParameterizedTest
    @ValueSource(ints = {429, 502, 503, 529})
    void refusalsAndGatewayFailuresAreRetryable(int status) {
        assertThat(RetryPolicy.retryableStatus(status)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 400, 401, 404, 413, 500, 504})
    void otherStatusesAreNot(int status) {
        assertThat(RetryPolicy.retryableStatus(status)).isFalse();
    }

    @Test
    void backoffDoublesUpToTheCapWithJitterInItsUpperHalf() {
        assertThat(policy.nextDelay(1, Optional.empty(), () -> 0.0)).contains(Duration.ofMillis(50));
        assertThat(policy.nextDelay(1, Optional.empty(), () -> 0.999)).contains(Duration.ofMillis(99));
        assertThat(policy.nextDelay(2, Optional.empty(), () -> 0.0)).contains(Duration.ofMillis(100));
        assertThat(policy.nextDelay(3, Optional.empty(), () -> 0.0)).contains(Duration.ofMillis(150));
    }

    @Test
    void noDelayOnceTheAttemptsAreSpent() {
        assertThat(policy.nextDelay(4, Optional.empty(), () -> 0.5)).isEmpty();
        assertThat(RetryPolicy.none().nextDelay(1, Optional.empty(), () -> 0.5)).isEmpty();
    }

    @Test
    void retryAfterIsHonouredUpToItsCapAndBeyondItEndsTheRetries() {
        assertThat(policy.nextDelay(1, Optional.of(Duration.ofSeconds(2)), () -> 0.5)).contains(Duration.ofSeconds(2));
        assertThat(policy.nextDelay(1, Optional.of(Duration.ofSeconds(6)), () -> 0.5)).isEmpty();
    }

    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(RetryAfter.parse(" 3 ", now)).contains(Duration.ofSeconds(3));
        assertThat(RetryAfter.parse("Thu, 01 Jan 2026 00:00:07 GMT", now)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse("Wed, 31 Dec 2025 23:00:00 GMT", now)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("99999999999999999999999", now)).hasValueSatisfying(
                wait -> assertThat(wait).isGreaterThan(Duration.ofDays(365)));
        assertThat(RetryAfter.parse("soon", now)).isEmpty();
        assertThat(RetryAfter.parse("-1", now)).isEmpty();
        assertThat(RetryAfter.parse(null, now)).isEmpty();
    }

    @Test
    void inconsistentBackoffsAreRefused() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aConcurrencyLimitRefusesBeyondItsMaxAndReleasesOnce() {
        ConcurrencyLimit limit = new ConcurrencyLimit("streams", 1);
        ConcurrencyLimit.Permit permit = limit.acquire();
        assertThatThrownBy(limit::acquire).isInstanceOfSatisfying(GatewayException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED));
        permit.close();
        permit.close();
        assertThat(limit.active()).isZero();
        limit.acquire();
        assertThat(limit.active()).isEqualTo(1);
    }
}
