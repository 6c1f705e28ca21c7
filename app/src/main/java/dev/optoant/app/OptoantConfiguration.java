package dev.optoant.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** The whole {@code config.yml}: Dropwizard's server and logging sections plus optoant's own. */
public class OptoantConfiguration extends Configuration {
    @Valid
    @NotNull
    @JsonProperty
    private UpstreamConfig upstream = new UpstreamConfig();

    @Valid
    @NotNull
    @JsonProperty
    private LimitsConfig limits = new LimitsConfig();

    @Valid
    @NotNull
    @JsonProperty
    private DatabaseConfig database = new DatabaseConfig();

    @Valid
    @NotNull
    @JsonProperty
    private AnthropicConfig anthropic = new AnthropicConfig();

    @Valid
    @NotNull
    @JsonProperty
    private RequestLogConfig requestLog = new RequestLogConfig();

    @Valid
    @NotNull
    // Not "admin": Dropwizard's Configuration already owns that section (tasks, health checks).
    @JsonProperty
    private AdminApiConfig adminApi = new AdminApiConfig();

    @Valid
    @NotNull
    @JsonProperty
    private ConcurrencyConfig concurrency = new ConcurrencyConfig();

    public ConcurrencyConfig concurrency() {
        return concurrency;
    }

    public UpstreamConfig upstream() {
        return upstream;
    }

    public LimitsConfig limits() {
        return limits;
    }

    public DatabaseConfig database() {
        return database;
    }

    public AnthropicConfig anthropic() {
        return anthropic;
    }

    public RequestLogConfig requestLog() {
        return requestLog;
    }

    public AdminApiConfig adminApi() {
        return adminApi;
    }
}
