package dev.optoant.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Counters of a {@link BatchingRequestLogWriter}, for metrics and the health check; all rows unless named otherwise. */
public final class RequestLogWriterStats {
    private final AtomicLong rowsWritten = new AtomicLong();
    private final AtomicLong batchesWritten = new AtomicLong();
    private final AtomicLong rowsSpilled = new AtomicLong();
    private final AtomicLong rowsReplayed = new AtomicLong();
    private final AtomicLong rowsRejected = new AtomicLong();
    private final AtomicLong rowsLost = new AtomicLong();
    private final AtomicLong journalLinesSkipped = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile long consecutiveFailures;
    private volatile String lastError;
    private volatile Instant lastErrorAt;

    /** Rows inserted straight from the queue. */
    public long rowsWritten() {
        return rowsWritten.get();
    }

    /** Successful inserts from the queue. */
    public long batchesWritten() {
        return batchesWritten.get();
    }

    /** Rows put in the spill journal: queue full, database failing, or shutting down. */
    public long rowsSpilled() {
        return rowsSpilled.get();
    }

    /** Rows inserted from the spill journal. */
    public long rowsReplayed() {
        return rowsReplayed.get();
    }

    /** Rows the database refused as invalid, kept in {@code rejected-*.jsonl}. */
    public long rowsRejected() {
        return rowsRejected.get();
    }

    /** Rows that could be written neither to the database nor to the journal (the disk failed too). */
    public long rowsLost() {
        return rowsLost.get();
    }

    /** Journal lines that didn't parse on replay (torn by a crash) and were skipped. */
    public long journalLinesSkipped() {
        return journalLinesSkipped.get();
    }

    /** Database or journal operations that failed. */
    public long failures() {
        return failures.get();
    }

    /** Database attempts that failed since the last one that worked. */
    public long consecutiveFailures() {
        return consecutiveFailures;
    }

    /** The latest failure's message, e.g. for the health check's detail. */
    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    public Optional<Instant> lastErrorAt() {
        return Optional.ofNullable(lastErrorAt);
    }

    void written(int rows) {
        rowsWritten.addAndGet(rows);
        batchesWritten.incrementAndGet();
    }

    void spilled(int rows) {
        rowsSpilled.addAndGet(rows);
    }

    void replayed(int rows) {
        rowsReplayed.addAndGet(rows);
    }

    void rejected(int rows) {
        rowsRejected.addAndGet(rows);
    }

    void lost(int rows) {
        rowsLost.addAndGet(rows);
    }

    void skippedJournalLines(int lines) {
        journalLinesSkipped.addAndGet(lines);
    }

    void databaseWorked() {
        consecutiveFailures = 0;
    }

    /** Records a failure; returns how many database attempts in a row have now failed. */
    long failed(Throwable error, boolean database) {
        failures.incrementAndGet();
        lastError = DatabaseErrors.describe(error);
        lastErrorAt = Instant.now();
        return database ? ++consecutiveFailures : consecutiveFailures;
    }
}
