package dev.optoant.persistence;

import dev.optoant.domain.log.RequestLogEntry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer thread's way into the database: stores batches, backs off exponentially (100 ms up to a bound) after a
 * failure, and sets rows the database refuses as invalid aside instead of retrying them forever.
 */
final class DatabaseGate {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseGate.class);
    static final long MIN_BACKOFF_NANOS = Duration.ofMillis(100).toNanos();

    private final RequestLogBatchSink sink;
    private final SpillJournal journal;
    private final RequestLogWriterStats stats;
    private final long maxBackoffNanos;
    private long backoffNanos;
    private long nextAttemptNanos = System.nanoTime();

    DatabaseGate(RequestLogBatchSink sink, SpillJournal journal, RequestLogWriterStats stats, Duration maxBackoff) {
        this.sink = sink;
        this.journal = journal;
        this.stats = stats;
        this.maxBackoffNanos = Math.max(MIN_BACKOFF_NANOS, maxBackoff.toNanos());
    }

    /** False while backing off after a failure: callers journal instead of trying. */
    boolean open() {
        return System.nanoTime() - nextAttemptNanos >= 0;
    }

    /** Stores the batch; returns the rows stored (rejected ones not counted), or -1 when the database is unavailable. */
    int store(List<RequestLogEntry> batch) {
        try {
            sink.insertBatch(batch);
            worked();
            return batch.size();
        } catch (RuntimeException e) {
            if (!DatabaseErrors.isDataError(e)) {
                failed(e);
                return -1;
            }
        }
        // One bad row fails the whole statement: find it by storing the rows one at a time.
        int stored = 0;
        for (RequestLogEntry row : batch) {
            try {
                sink.insertBatch(List.of(row));
                stored++;
            } catch (RuntimeException e) {
                if (!DatabaseErrors.isDataError(e)) {
                    failed(e);
                    return -1;
                }
                reject(row, e);
            }
        }
        worked();
        return stored;
    }

    private void reject(RequestLogEntry row, RuntimeException error) {
        String reason = DatabaseErrors.describe(error);
        LOG.warn("request log: the database refused entry {}, kept in a rejected-*.jsonl file in {}: {}", row.id(),
                journal.directory(), reason);
        try {
            journal.reject(row, reason);
            stats.rejected(1);
        } catch (IOException e) {
            stats.lost(1);
            stats.failed(e, false);
        }
    }

    private void worked() {
        if (stats.consecutiveFailures() > 0) {
            LOG.info("request log: database reachable again after {} failed attempts", stats.consecutiveFailures());
        }
        stats.databaseWorked();
        backoffNanos = 0;
    }

    private void failed(RuntimeException error) {
        if (stats.failed(error, true) == 1) {
            LOG.warn("request log: database unavailable, spilling to {}: {}", journal.directory(),
                    DatabaseErrors.describe(error));
        }
        backoffNanos = backoffNanos == 0 ? MIN_BACKOFF_NANOS : Math.min(2 * backoffNanos, maxBackoffNanos);
        nextAttemptNanos = System.nanoTime() + backoffNanos;
    }
}
