package dev.optoant.app;

import com.codahale.metrics.health.HealthCheck;
import dev.optoant.upstream.UpstreamProbe;

/** Readiness: the upstream accepts connections. */
final class UpstreamHealthCheck extends HealthCheck {
    private final UpstreamProbe probe;

    UpstreamHealthCheck(UpstreamProbe probe) {
        this.probe = probe;
    }

    @Override
    protected Result check() {
        return probe.problem()
                .map(Result::unhealthy)
                .orElseGet(() -> Result.healthy("%s accepts connections", probe.target()));
    }
}
