package dev.optoant.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link RequestLogSettings}: sensible defaults, and nonsense refused when the app builds them from its YAML. */
class RequestLogSettingsTest {
    private static final Path DIR = Path.of("journal");

    @Test
    void defaultsDoNotCaptureBodies() {
        RequestLogSettings defaults = RequestLogSettings.defaults(DIR);

        assertThat(defaults.captureBodies()).isFalse();
        assertThat(defaults.batchSize()).isEqualTo(500);
        assertThat(defaults.journalDirectory()).isEqualTo(DIR);
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new RequestLogSettings(0, 1, Duration.ofMillis(1), DIR, 4096, 0, false, 0))
                .hasMessageContaining("queueCapacity");
        assertThatThrownBy(() -> new RequestLogSettings(1, 0, Duration.ofMillis(1), DIR, 4096, 0, false, 0))
                .hasMessageContaining("batchSize");
        assertThatThrownBy(() -> new RequestLogSettings(1, 1, Duration.ZERO, DIR, 4096, 0, false, 0))
                .hasMessageContaining("flushInterval");
        assertThatThrownBy(() -> new RequestLogSettings(1, 1, Duration.ofMillis(1), DIR, 10, 0, false, 0))
                .hasMessageContaining("journalFileMaxBytes");
        assertThatThrownBy(() -> new RequestLogSettings(1, 1, Duration.ofMillis(1), DIR, 4096, -1, false, 0))
                .hasMessageContaining("retentionDays");
        assertThatThrownBy(() -> new RequestLogSettings(1, 1, Duration.ofMillis(1), DIR, 4096, 0, false, -1))
                .hasMessageContaining("maxBodyChars");
    }
}
