package dev.optoant.app;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.optoant.domain.resilience.RetryPolicy;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The {@code upstream.retries:} section: how failed upstream calls are tried again before the client sees a byte. */
public class RetriesConfig {
    @Min(1)
    @Max(10)
    @JsonProperty
    private int maxAttempts = 3;

    @JsonProperty
    private Duration initialBackoff = Duration.milliseconds(200);

    @JsonProperty
    private Duration maxBackoff = Duration.seconds(2);

    @JsonProperty
    private Duration maxRetryAfter = Duration.seconds(10);

    @JsonProperty
    private DataSize maxReplayBody = DataSize.mebibytes(1);

    @JsonIgnore
    @ValidationMethod(message = "upstream.retries.maxBackoff must not be shorter than initialBackoff")
    public boolean isBackoffOrdered() {
        return maxBackoff.compareTo(initialBackoff) >= 0;
    }

    public RetryPolicy policy() {
        return new RetryPolicy(maxAttempts, initialBackoff.toJavaDuration(), maxBackoff.toJavaDuration(),
                maxRetryAfter.toJavaDuration());
    }

    public long maxReplayBodyBytes() {
        return maxReplayBody.toBytes();
    }
}
