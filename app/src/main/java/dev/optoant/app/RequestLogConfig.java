package dev.optoant.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.optoant.persistence.RequestLogSettings;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDataSize;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The {@code requestLog:} section: how request-log rows are queued, batched, journaled and kept. */
public class RequestLogConfig {
    @JsonProperty
    private boolean enabled = true;

    @Min(1)
    @Max(10_000_000)
    @JsonProperty
    private int queueCapacity = 10_000;

    @Min(1)
    @Max(10_000)
    @JsonProperty
    private int batchSize = 500;

    @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    @JsonProperty
    private Duration flushInterval = Duration.milliseconds(200);

    @NotBlank
    @JsonProperty
    private String journalDirectory = "data/journal";

    @MinDataSize(1024)
    @JsonProperty
    private DataSize journalFileMaxSize = DataSize.mebibytes(64);

    @Min(0)
    @JsonProperty
    private int retentionDays = 30;

    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @JsonProperty
    private Duration shutdownFlushTimeout = Duration.seconds(10);

    @JsonProperty
    private boolean captureBodies = false;

    @Min(0)
    @Max(1_048_576)
    @JsonProperty
    private int maxBodyChars = 16_384;

    /** Whether rows keep (the first 16 KiB of) request and response bodies; headers are never kept. */
    public boolean captureBodies() {
        return enabled && captureBodies;
    }

    public boolean enabled() {
        return enabled;
    }

    public java.time.Duration shutdownFlushTimeout() {
        return shutdownFlushTimeout.toJavaDuration();
    }

    public RequestLogSettings toSettings() {
        return new RequestLogSettings(queueCapacity, batchSize, flushInterval.toJavaDuration(),
                Path.of(journalDirectory), journalFileMaxSize.toBytes(), retentionDays, captureBodies, maxBodyChars);
    }
}
