package dev.optoant.app;

import dev.optoant.domain.log.RequestLogEntry;
import dev.optoant.domain.log.StreamsInFlight;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Collection;

/**
 * The gateway's own Prometheus metrics, all recorded from the finished request's log entry, plus the streams in
 * flight. Label values come from fixed sets or through {@link BoundedLabels}, so series stay bounded.
 */
final class RequestMeters implements StreamsInFlight {
    /** Distinct model labels learned beyond the configured ones before the rest folds into "other". */
    static final int MAX_LEARNED_MODELS = 50;
    /** Distinct error types learned; the gateway itself produces about a dozen. */
    static final int MAX_LEARNED_ERROR_TYPES = 40;
    private static final double[] SECONDS = {
        0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600};
    private static final String[] STATUS_CLASSES = {"other", "1xx", "2xx", "3xx", "4xx", "5xx"};

    private final Counter requests;
    private final Histogram duration;
    private final Histogram firstByte;
    private final Counter tokens;
    private final Counter errors;
    private final Gauge streams;
    private final PerApi openai;
    private final PerApi anthropic;
    private final BoundedLabels models;
    private final BoundedLabels errorTypes = new BoundedLabels(java.util.List.of(), MAX_LEARNED_ERROR_TYPES);

    /** The series of one API that the request path touches without a label lookup. */
    private record PerApi(GaugeDataPoint streams, DistributionDataPoint duration, DistributionDataPoint firstByte) {
    }

    RequestMeters(PrometheusRegistry registry, Collection<String> configuredModels) {
        models = new BoundedLabels(configuredModels, MAX_LEARNED_MODELS);
        requests = Counter.builder().name("optoant_requests_total")
                .help("Finished API requests")
                .labelNames("api", "model", "status_class", "streaming")
                .withoutExemplars().register(registry);
        duration = Histogram.builder().name("optoant_request_duration_seconds")
                .help("From a request's arrival to the end of its response, streams included")
                .labelNames("api").classicOnly().classicUpperBounds(SECONDS)
                .withoutExemplars().register(registry);
        firstByte = Histogram.builder().name("optoant_upstream_first_byte_seconds")
                .help("From a request's arrival to the upstream's first byte, for requests that reached it")
                .labelNames("api").classicOnly().classicUpperBounds(SECONDS)
                .withoutExemplars().register(registry);
        tokens = Counter.builder().name("optoant_tokens_total")
                .help("Tokens as the upstream reported them: input, output, and of those cached and reasoning")
                .labelNames("api", "model", "type")
                .withoutExemplars().register(registry);
        errors = Counter.builder().name("optoant_errors_total")
                .help("Requests that ended in an error, by the error type the request log records")
                .labelNames("api", "type")
                .withoutExemplars().register(registry);
        streams = Gauge.builder().name("optoant_streams_in_flight")
                .help("Requests that asked for a stream and have not finished yet")
                .labelNames("api")
                .withoutExemplars().register(registry);
        openai = perApi("openai");
        anthropic = perApi("anthropic");
    }

    private PerApi perApi(String api) {
        return new PerApi(streams.labelValues(api), duration.labelValues(api), firstByte.labelValues(api));
    }

    private PerApi of(String api) {
        if ("openai".equals(api)) {
            return openai;
        }
        return "anthropic".equals(api) ? anthropic : perApi(api);
    }

    /** The model label of an entry: its upstream model (the requested one for the passthrough), bounded. */
    String modelLabel(RequestLogEntry entry) {
        return models.of(entry.upstreamModel());
    }

    void record(RequestLogEntry entry) {
        String api = entry.api();
        String model = modelLabel(entry);
        PerApi series = of(api);
        requests.labelValues(api, model, statusClass(entry.status()), entry.streaming() ? "true" : "false").inc();
        series.duration().observe(entry.latencyMicros() / 1e6);
        if (entry.firstByteMicros() != null) {
            series.firstByte().observe(entry.firstByteMicros() / 1e6);
        }
        count(api, model, "input", entry.inputTokens());
        count(api, model, "output", entry.outputTokens());
        count(api, model, "cached", entry.cachedTokens());
        count(api, model, "reasoning", entry.reasoningTokens());
        if (entry.errorType() != null) {
            errors.labelValues(api, errorTypes.of(entry.errorType())).inc();
        }
    }

    private void count(String api, String model, String type, Long value) {
        if (value != null && value > 0) {
            tokens.labelValues(api, model, type).inc(value);
        }
    }

    static String statusClass(int status) {
        int hundreds = status / 100;
        return hundreds >= 1 && hundreds <= 5 ? STATUS_CLASSES[hundreds] : STATUS_CLASSES[0];
    }

    @Override
    public void opened(String api) {
        of(api).streams().inc();
    }

    @Override
    public void closed(String api) {
        of(api).streams().dec();
    }
}
