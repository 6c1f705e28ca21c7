package dev.optoant.persistence;

import dev.optoant.domain.log.RequestLogEntry;
import dev.optoant.domain.log.RequestLogFilter;
import dev.optoant.domain.log.TimeOrderedIds;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/** The meaning of a {@link RequestLogFilter}, shared by the stores: order, limit, error rule and cursor fallback. */
final class RequestLogQuery {
    static final int MAX_LIMIT = 1000;

    /** Newest first by (started_at, id), uuids compared unsigned as PostgreSQL does. */
    static final Comparator<RequestLogEntry> NEWEST_FIRST = Comparator.comparing(RequestLogEntry::startedAt)
            .thenComparing(RequestLogEntry::id, RequestLogQuery::compareUuids)
            .reversed();

    private RequestLogQuery() {
    }

    /** The filter's limit, capped at {@link #MAX_LIMIT}; 0 or less asks for nothing. */
    static int limit(RequestLogFilter filter) {
        return Math.clamp(filter.limit(), 0, MAX_LIMIT);
    }

    static boolean isError(RequestLogEntry entry) {
        return entry.status() >= 400 || entry.errorType() != null;
    }

    /** Everything but the cursor: {@code from} inclusive, {@code to} exclusive, model matches the requested model. */
    static boolean matches(RequestLogFilter filter, RequestLogEntry entry) {
        return (filter.from() == null || !entry.startedAt().isBefore(filter.from()))
                && (filter.to() == null || entry.startedAt().isBefore(filter.to()))
                && (filter.api() == null || filter.api().equals(entry.api()))
                && (filter.model() == null || filter.model().equals(entry.requestedModel()))
                && (filter.status() == null || filter.status() == entry.status())
                && (!filter.errorsOnly() || isError(entry));
    }

    /** Where a cursor whose row is gone (dropped by retention) stands: the millisecond its UUIDv7 was made. */
    static Instant cursorTimeOfUnknownId(UUID before) {
        return Instant.ofEpochMilli(TimeOrderedIds.epochMillis(before));
    }

    static int compareUuids(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
