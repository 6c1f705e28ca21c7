package dev.optoant.persistence;

import dev.optoant.domain.log.RequestLogEntry;
import dev.optoant.domain.log.RequestLogStore;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request path's {@link RequestLogStore}: {@link #record} only queues (or, when the queue is full, journals) the
 * entry; one background thread inserts batches, journals what the database can't take, and replays the journal
 * once the database works again.
 */
public final class BatchingRequestLogWriter implements RequestLogStore, AutoCloseable {
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(5);
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(BatchingRequestLogWriter.class);
    private static final Duration JOURNAL_GRACE = Duration.ofSeconds(2);

    private final RequestLogSettings settings;
    private final EntryGuard guard;
    private final EntryQueue queue;
    private final SpillJournal journal;
    private final RequestLogWriterStats stats = new RequestLogWriterStats();
    private final DatabaseGate gate;
    private final JournalReplayer replayer;
    private final Thread thread;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean closing;
    private volatile long closeDeadlineNanos;
    private volatile List<RequestLogEntry> inFlight = List.of();

    /** Creates the journal directory; nothing is written until {@link #start()}. */
    public BatchingRequestLogWriter(RequestLogBatchSink sink, RequestLogSettings settings) {
        this(sink, settings, DEFAULT_MAX_BACKOFF);
    }

    /** As above, with a bound on the pause between database attempts while the database fails. */
    public BatchingRequestLogWriter(RequestLogBatchSink sink, RequestLogSettings settings, Duration maxBackoff) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.guard = new EntryGuard(settings.captureBodies(), settings.maxBodyChars());
        this.queue = new EntryQueue(settings.queueCapacity());
        this.journal = new SpillJournal(settings.journalDirectory(), settings.journalFileMaxBytes());
        this.gate = new DatabaseGate(Objects.requireNonNull(sink, "sink"), journal, stats, maxBackoff);
        this.replayer = new JournalReplayer(journal, gate, stats, settings.batchSize());
        this.thread = Thread.ofPlatform().daemon().name("request-log-writer").unstarted(this::run);
    }

    /** Starts the writer thread, which first replays any journal an earlier run left. */
    public BatchingRequestLogWriter start() {
        if (!closing && started.compareAndSet(false, true)) {
            thread.start();
        }
        return this;
    }

    /** Never blocks on the database and never throws: queues the entry, or journals it when the queue is full. */
    @Override
    public void record(RequestLogEntry entry) {
        if (entry == null) {
            return;
        }
        try {
            RequestLogEntry guarded = guard.apply(entry);
            if (closing || !queue.offer(guarded)) {
                spill(List.of(guarded));
            } else if (closing) {
                // close() may have drained the queue for the last time between the check and the offer.
                spillQueue();
            }
        } catch (RuntimeException e) {
            stats.failed(e, false);
        }
    }

    private void run() {
        while (!closing) {
            try {
                // While replaying the journal, take what the queue has without waiting for a batch to fill.
                boolean replaying = replayer.hasWork() && gate.open();
                long wait = replaying ? 0 : settings.flushInterval().toNanos();
                List<RequestLogEntry> batch = queue.nextBatch(settings.batchSize(), wait);
                if (!batch.isEmpty()) {
                    write(batch);
                }
                if (!closing) {
                    replayer.step();
                }
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                stats.failed(e, false);
                LOG.error("request log: unexpected error in the writer thread", e);
            }
        }
        replayer.close();
        drainOnClose();
    }

    private void write(List<RequestLogEntry> batch) {
        if (!gate.open()) {
            spill(batch);
            return;
        }
        inFlight = batch;
        int stored = gate.store(batch);
        if (stored >= 0) {
            stats.written(stored);
        } else {
            spill(batch);
        }
        inFlight = List.of();
    }

    private void drainOnClose() {
        while (!queue.isEmpty()) {
            List<RequestLogEntry> batch = queue.drain(settings.batchSize());
            if (batch.isEmpty()) {
                continue;
            }
            if (System.nanoTime() - closeDeadlineNanos < 0) {
                write(batch);
            } else {
                spill(batch);
            }
        }
    }

    private void spill(List<RequestLogEntry> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            journal.append(batch);
            stats.spilled(batch.size());
        } catch (IOException | RuntimeException e) {
            if (stats.rowsLost() == 0) {
                LOG.error("request log: cannot write the spill journal in {}; rows are being lost", journal.directory(),
                        e);
            }
            stats.lost(batch.size());
            stats.failed(e, false);
        }
    }

    /** {@link #close(Duration)} with {@link #DEFAULT_CLOSE_TIMEOUT}. */
    @Override
    public void close() {
        close(DEFAULT_CLOSE_TIMEOUT);
    }

    /**
     * Stops taking entries into the queue (later ones go to the journal), writes the queue to the database until the
     * timeout, journals the rest, and returns.
     */
    public void close(Duration timeout) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closeDeadlineNanos = System.nanoTime() + timeout.toNanos();
        closing = true;
        queue.wake();
        if (started.get()) {
            try {
                thread.join(Math.max(1, timeout.plus(JOURNAL_GRACE).toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (thread.isAlive()) {
            // Stuck in a database call: journal its batch too. Replays are idempotent, so if the call does store it
            // after all, nothing is doubled.
            spill(inFlight);
        }
        spillQueue();
        journal.close();
    }

    private void spillQueue() {
        List<RequestLogEntry> rest = queue.drain(Integer.MAX_VALUE);
        if (!rest.isEmpty()) {
            spill(rest);
        }
    }

    /** Healthy: the thread runs, the database took the last attempt, and the queue is under 90% full. */
    public boolean keepingUp() {
        return thread.isAlive() && !closing && stats.consecutiveFailures() == 0
                && queue.size() <= queue.capacity() * 0.9;
    }

    public int queueDepth() {
        return queue.size();
    }

    /** Spill files waiting to be replayed; -1 if the directory can't be read. */
    public int journalFiles() {
        try {
            return journal.pendingFiles().size();
        } catch (IOException e) {
            return -1;
        }
    }

    public RequestLogWriterStats stats() {
        return stats;
    }
}
