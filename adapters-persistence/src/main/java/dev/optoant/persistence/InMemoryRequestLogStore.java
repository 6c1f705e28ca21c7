package dev.optoant.persistence;

import dev.optoant.domain.log.RequestLogEntry;
import dev.optoant.domain.log.RequestLogFilter;
import dev.optoant.domain.log.RequestLogReader;
import dev.optoant.domain.log.RequestLogStore;
import dev.optoant.domain.log.RequestLogUsageReader;
import dev.optoant.domain.log.UsageSummary;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/** The request log in memory, thread-safe, keeping the newest {@code capacity} entries: for tests and database-less runs. */
public final class InMemoryRequestLogStore
        implements RequestLogStore, RequestLogReader, RequestLogUsageReader, RequestLogBatchSink {
    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    // Equal under NEWEST_FIRST means same (started_at, id): the same key as PostgreSQL's primary key.
    private final NavigableSet<RequestLogEntry> entries = new TreeSet<>(RequestLogQuery.NEWEST_FIRST);
    private final Map<UUID, Instant> startedAtById = new HashMap<>();

    public InMemoryRequestLogStore(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    @Override
    public void record(RequestLogEntry entry) {
        if (entry == null || entry.id() == null || entry.startedAt() == null) {
            return;
        }
        lock.lock();
        try {
            if (entries.add(entry)) {
                startedAtById.put(entry.id(), entry.startedAt());
                while (entries.size() > capacity) {
                    startedAtById.remove(entries.pollLast().id());
                }
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void insertBatch(List<RequestLogEntry> batch) {
        batch.forEach(this::record);
    }

    public int size() {
        lock.lock();
        try {
            return entries.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<RequestLogEntry> find(RequestLogFilter filter) {
        int limit = RequestLogQuery.limit(filter);
        List<RequestLogEntry> found = new ArrayList<>(Math.min(limit, 64));
        lock.lock();
        try {
            NavigableSet<RequestLogEntry> candidates = entries;
            if (filter.before() != null) {
                Instant at = Objects.requireNonNullElseGet(startedAtById.get(filter.before()),
                        () -> RequestLogQuery.cursorTimeOfUnknownId(filter.before()));
                candidates = entries.tailSet(probe(filter.before(), at), false);
            }
            for (RequestLogEntry entry : candidates) {
                if (found.size() >= limit) {
                    break;
                }
                if (RequestLogQuery.matches(filter, entry)) {
                    found.add(entry);
                }
            }
        } finally {
            lock.unlock();
        }
        return found;
    }

    @Override
    public List<UsageSummary> usage(Instant from, Instant to) {
        Map<LocalDate, Map<String, List<RequestLogEntry>>> groups = new TreeMap<>();
        lock.lock();
        try {
            for (RequestLogEntry e : entries) {
                if ((from == null || !e.startedAt().isBefore(from)) && (to == null || e.startedAt().isBefore(to))) {
                    groups.computeIfAbsent(LocalDate.ofInstant(e.startedAt(), ZoneOffset.UTC),
                                    day -> new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder())))
                            .computeIfAbsent(e.requestedModel(), model -> new ArrayList<>()).add(e);
                }
            }
        } finally {
            lock.unlock();
        }
        List<UsageSummary> summaries = new ArrayList<>();
        groups.forEach((day, byModel) -> byModel.forEach((model, list) -> summaries.add(summarise(day, model, list))));
        return summaries;
    }

    private static UsageSummary summarise(LocalDate day, String model, List<RequestLogEntry> list) {
        long[] latencies = list.stream().mapToLong(RequestLogEntry::latencyMicros).sorted().toArray();
        return new UsageSummary(day, model, list.size(),
                list.stream().filter(RequestLogQuery::isError).count(),
                list.stream().map(RequestLogEntry::inputTokens).filter(Objects::nonNull).mapToLong(Long::longValue).sum(),
                list.stream().map(RequestLogEntry::outputTokens).filter(Objects::nonNull).mapToLong(Long::longValue).sum(),
                percentile(latencies, 0.5), percentile(latencies, 0.95), percentile(latencies, 0.99));
    }

    /** PostgreSQL's {@code percentile_cont}: linear interpolation between the two nearest ranks. */
    static double percentile(long[] sorted, double fraction) {
        double rank = fraction * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = (int) Math.ceil(rank);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }

    private static RequestLogEntry probe(UUID id, Instant startedAt) {
        return new RequestLogEntry(id, startedAt, null, null, null, null, null, false, 0, null, null, 0, null, null,
                null, null, null, null, null, null, null, null, null);
    }
}
