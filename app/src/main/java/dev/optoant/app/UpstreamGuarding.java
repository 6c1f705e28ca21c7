package dev.optoant.app;

import dev.optoant.domain.resilience.ConcurrencyLimit;
import dev.optoant.domain.resilience.Retrier;
import dev.optoant.domain.resilience.UpstreamGuards;
import dev.optoant.http.ConcurrencyLimitFilter;
import io.dropwizard.core.setup.Environment;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;

/** Wires retries and concurrency limits from the configuration, with gauges of the slots in use. */
final class UpstreamGuarding {
    private UpstreamGuarding() {
    }

    /** The retry loop's policy and the stream cap the use cases share; gauge {@code gateway.streams.active}. */
    static UpstreamGuards guards(OptoantConfiguration config, Environment environment) {
        ConcurrencyLimit streams = new ConcurrencyLimit("streams", config.concurrency().maxStreams());
        environment.metrics().registerGauge("gateway.streams.active", streams::active);
        RetriesConfig retries = config.upstream().retries();
        return new UpstreamGuards(new Retrier(retries.policy()), streams, retries.maxReplayBodyBytes());
    }

    /** The request cap, as a filter after the request log's so refusals are logged; gauge {@code gateway.requests.active}. */
    static void limitRequests(OptoantConfiguration config, Environment environment) {
        ConcurrencyLimit requests = new ConcurrencyLimit("requests", config.concurrency().maxRequests());
        environment.metrics().registerGauge("gateway.requests.active", requests::active);
        environment.servlets().addFilter("concurrency-limit", new ConcurrencyLimitFilter(requests))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
    }
}
