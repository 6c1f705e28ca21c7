package dev.optoant.domain.resilience;

/**
 * What protects upstream calls: the retry loop's policy, the cap on concurrent streams, and the largest request
 * body the passthrough holds in memory so that it can be sent again.
 */
public record UpstreamGuards(Retrier retrier, ConcurrencyLimit streams, long maxReplayBytes) {
    /** No retry, no stream limit. */
    public static UpstreamGuards none() {
        return new UpstreamGuards(Retrier.none(), ConcurrencyLimit.unlimited("streams"), 0);
    }
}
