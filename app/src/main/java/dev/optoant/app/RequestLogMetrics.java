package dev.optoant.app;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.health.HealthCheck;
import dev.optoant.persistence.BatchingRequestLogWriter;
import io.dropwizard.core.setup.Environment;

/** Request-log writer gauges ({@code requestLog.*}) and the {@code request-log-writer} health check. */
final class RequestLogMetrics {
    private RequestLogMetrics() {
    }

    static void register(Environment environment, BatchingRequestLogWriter writer) {
        MetricRegistry metrics = environment.metrics();
        metrics.registerGauge("requestLog.queueDepth", writer::queueDepth);
        metrics.registerGauge("requestLog.journalFiles", writer::journalFiles);
        metrics.registerGauge("requestLog.rowsWritten", () -> writer.stats().rowsWritten());
        metrics.registerGauge("requestLog.batchesWritten", () -> writer.stats().batchesWritten());
        metrics.registerGauge("requestLog.rowsSpilled", () -> writer.stats().rowsSpilled());
        metrics.registerGauge("requestLog.rowsReplayed", () -> writer.stats().rowsReplayed());
        metrics.registerGauge("requestLog.rowsLost", () -> writer.stats().rowsLost());
        metrics.registerGauge("requestLog.failures", () -> writer.stats().failures());
        environment.healthChecks().register("request-log-writer", new HealthCheck() {
            @Override
            protected Result check() {
                if (writer.keepingUp()) {
                    return Result.healthy("queue %d, %d rows written", writer.queueDepth(), writer.stats().rowsWritten());
                }
                return Result.unhealthy("falling behind or database unavailable: %s",
                        writer.stats().lastError().orElse("queue " + writer.queueDepth()));
            }
        });
    }
}
