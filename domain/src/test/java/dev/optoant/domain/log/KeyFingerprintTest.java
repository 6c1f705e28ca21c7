package dev.optoant.domain.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link KeyFingerprint}: the first 12 hex digits of the stripped key's SHA-256, the same from any thread. */
class KeyFingerprintTest {
    @Test
    void isThePrefixOfTheKeysSha256() {
        assertThat(KeyFingerprint.of("sk-test-123")).isEqualTo("sha256:e0dbaa0c6455");
        assertThat(KeyFingerprint.of("  sk-test-123\n")).isEqualTo("sha256:e0dbaa0c6455");
        assertThat(KeyFingerprint.of("clé-ü")).isEqualTo("sha256:fd4263461334");
        assertThat(KeyFingerprint.of(null)).isNull();
        assertThat(KeyFingerprint.of("  ")).isNull();
    }

    @Test
    void concurrentCallsDoNotShareDigestState() throws Exception {
        List<Future<Boolean>> results;
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            results = IntStream.range(0, 8).mapToObj(t -> threads.submit(() -> IntStream.range(0, 20_000)
                    .allMatch(i -> (i % 2 == 0 ? "sha256:e0dbaa0c6455" : "sha256:fd4263461334")
                            .equals(KeyFingerprint.of(i % 2 == 0 ? "sk-test-123" : "clé-ü"))))).toList();
        }
        for (Future<Boolean> result : results) {
            assertThat(result.get()).isTrue();
        }
    }
}
