package dev.optoant.app;

import dev.optoant.domain.log.RequestLogStore;
import dev.optoant.domain.log.StreamsInFlight;
import io.dropwizard.core.setup.Environment;
import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Prometheus on the admin port ({@value #PATH}): the Dropwizard registry (JVM, Jetty, request-log writer, upstream
 * pool) bridged, and the gateway's request metrics, recorded where each request's log entry is made.
 */
final class GatewayMetrics {
    static final String PATH = "/metrics/prometheus";

    private final RequestMeters meters;

    private GatewayMetrics(RequestMeters meters) {
        this.meters = meters;
    }

    /** One registry per application, so that several gateways in one JVM (tests) never share series. */
    static GatewayMetrics install(OptoantConfiguration config, Environment environment) {
        PrometheusRegistry registry = new PrometheusRegistry();
        DropwizardExports.builder().dropwizardRegistry(environment.metrics()).register(registry);
        RequestMeters meters = new RequestMeters(registry, configuredModels(config));
        environment.admin().addServlet("prometheus", new PrometheusMetricsServlet(registry)).addMapping(PATH);
        return new GatewayMetrics(meters);
    }

    /** {@code log}, with metrics recorded from every entry before it goes there. */
    RequestLogStore metered(RequestLogStore log) {
        return new MeteredRequestLogStore(log, meters);
    }

    /** Told of every request that turns out to be a stream, and of its end. */
    StreamsInFlight streams() {
        return meters;
    }

    /** The upstream models the configuration names: always labelled as themselves. */
    private static Set<String> configuredModels(OptoantConfiguration config) {
        var settings = config.anthropic().toSettings();
        Set<String> models = new LinkedHashSet<>();
        models.add(settings.defaultModel());
        settings.routes().forEach(route -> models.add(route.upstreamModel()));
        models.addAll(settings.maxOutputTokens().keySet());
        return models;
    }
}
