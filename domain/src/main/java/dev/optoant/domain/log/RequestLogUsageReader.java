package dev.optoant.domain.log;

import java.time.Instant;
import java.util.List;

/** Outbound port: reads the per-model, per-day usage summary of the request log, for the admin API. */
public interface RequestLogUsageReader {

    /** One row per UTC day and requested model in {@code [from, to)}, by day then model; null bounds are open. */
    List<UsageSummary> usage(Instant from, Instant to);
}
