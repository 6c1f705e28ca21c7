package dev.optoant.domain.log;

import java.time.LocalDate;

/**
 * Usage of one requested model on one UTC day: counts, token sums and latency percentiles (interpolated, as
 * PostgreSQL's {@code percentile_cont}).
 *
 * @param model the requested model; null groups the requests that named none
 * @param errors requests with status 400 or above or an error type
 */
public record UsageSummary(
        LocalDate day,
        String model,
        long requests,
        long errors,
        long inputTokens,
        long outputTokens,
        double latencyP50Micros,
        double latencyP95Micros,
        double latencyP99Micros) {
}
