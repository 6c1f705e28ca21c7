package dev.optoant.persistence;

import java.time.Instant;
import java.util.List;

/** Reads the per-model, per-day usage summary of the request log. */
public interface RequestLogUsageReader {

    /** One row per UTC day and requested model in {@code [from, to)}, by day then model; null bounds are open. */
    List<UsageSummary> usage(Instant from, Instant to);
}
