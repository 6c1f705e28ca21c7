package dev.optoant.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.optoant.domain.convert.ConversionSettings;
import dev.optoant.domain.convert.ModelRoute;
import dev.optoant.domain.convert.UpstreamDialect;
import dev.optoant.http.ListedModel;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The {@code anthropic:} section: how Anthropic model names map onto the upstream and what the upstream accepts. */
public class AnthropicConfig {

    /** One alias rule of {@code anthropic.routes}. */
    public static class Route {
        @NotBlank
        @JsonProperty
        private String pattern;

        @NotBlank
        @JsonProperty
        private String model;

        public Route() {
        }

        Route(String pattern, String model) {
            this.pattern = pattern;
            this.model = model;
        }
    }

    /** One entry of {@code anthropic.models}, what {@code GET /anthropic/v1/models} lists. */
    public static class Model {
        @NotBlank
        @JsonProperty
        private String id;

        @JsonProperty
        private String displayName;

        @JsonProperty
        private String createdAt = "2025-01-01T00:00:00Z";

        public Model() {
        }

        Model(String id, String displayName) {
            this.id = id;
            this.displayName = displayName;
        }
    }

    @Valid
    @NotNull
    @JsonProperty
    private List<Route> routes = List.of(new Route("claude-*opus*", "deepseek-reasoner"), new Route("claude-*", "deepseek-chat"));

    @NotBlank
    @JsonProperty
    private String defaultModel = "deepseek-chat";

    @NotNull
    @JsonProperty
    private Map<String, Integer> maxOutputTokens = new LinkedHashMap<>(Map.of("deepseek-chat", 8192, "deepseek-reasoner", 65536));

    @JsonProperty
    private boolean imagesSupported = false;

    @JsonProperty
    private boolean pdfSupported = false;

    @NotNull
    @JsonProperty
    private UpstreamDialect dialect = UpstreamDialect.DEEPSEEK;

    @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
    @JsonProperty
    private Duration pingInterval = Duration.seconds(10);

    @Valid
    @NotNull
    @JsonProperty
    private List<Model> models = List.of(
            new Model("claude-opus-4-5", "Claude Opus 4.5 (via deepseek-reasoner)"),
            new Model("claude-sonnet-4-5", "Claude Sonnet 4.5 (via deepseek-chat)"),
            new Model("claude-haiku-4-5", "Claude Haiku 4.5 (via deepseek-chat)"));

    public ConversionSettings toSettings() {
        return new ConversionSettings(
                routes.stream().map(r -> new ModelRoute(r.pattern, r.model)).toList(),
                defaultModel, maxOutputTokens, imagesSupported, pdfSupported, dialect);
    }

    public java.time.Duration pingInterval() {
        return pingInterval.toJavaDuration();
    }

    public List<ListedModel> listedModels() {
        return models.stream()
                .map(m -> new ListedModel(m.id, m.displayName == null ? m.id : m.displayName, m.createdAt))
                .toList();
    }
}
