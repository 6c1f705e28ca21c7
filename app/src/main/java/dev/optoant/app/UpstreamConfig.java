package dev.optoant.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.optoant.upstream.UpstreamSettings;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The {@code upstream:} section: where the OpenAI-compatible backend is and how long to wait for it. */
public class UpstreamConfig {
    @NotBlank
    @Pattern(regexp = "https?://[^/?#\\s]+(/[^?#\\s]*)?",
            message = "must be an absolute http(s) URL without query, such as https://api.deepseek.com")
    @JsonProperty
    private String baseUrl = "https://api.deepseek.com";

    @JsonProperty
    private String apiKey = "";

    @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    @JsonProperty
    private Duration connectTimeout = Duration.seconds(10);

    @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    @JsonProperty
    private Duration firstByteTimeout = Duration.seconds(30);

    @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    @JsonProperty
    private Duration idleTimeout = Duration.seconds(30);

    @Min(1)
    @Max(100_000)
    @JsonProperty
    private int maxConnections = 10000;

    @Valid
    @NotNull
    @JsonProperty
    private RetriesConfig retries = new RetriesConfig();

    public URI baseUri() {
        return URI.create(baseUrl);
    }

    /** The key that replaces client credentials, when one is configured. */
    public Optional<String> apiKey() {
        return apiKey == null || apiKey.isBlank() ? Optional.empty() : Optional.of(apiKey.strip());
    }

    public RetriesConfig retries() {
        return retries;
    }

    public UpstreamSettings toSettings() {
        return new UpstreamSettings(baseUri(), connectTimeout.toJavaDuration(), firstByteTimeout.toJavaDuration(),
                idleTimeout.toJavaDuration(), maxConnections);
    }
}
