package dev.optoant.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The {@code concurrency:} section: how many API requests and streams may run at once before new ones get 429. */
public class ConcurrencyConfig {
    @Min(1)
    @Max(1_000_000)
    @JsonProperty
    private int maxRequests = 10000;

    @Min(1)
    @Max(1_000_000)
    @JsonProperty
    private int maxStreams = 10000;

    public int maxRequests() {
        return maxRequests;
    }

    public int maxStreams() {
        return maxStreams;
    }
}
