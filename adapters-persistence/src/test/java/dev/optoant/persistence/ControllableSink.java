package dev.optoant.persistence;

import dev.optoant.domain.log.RequestLogEntry;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** A batch sink over an in-memory store that a test can make fail, refuse rows, or hang, as a database would. */
final class ControllableSink implements RequestLogBatchSink {
    final InMemoryRequestLogStore store = new InMemoryRequestLogStore(1_000_000);
    final Set<UUID> poison = ConcurrentHashMap.newKeySet();
    final AtomicInteger attempts = new AtomicInteger();
    private volatile boolean down;
    private volatile CountDownLatch gate = new CountDownLatch(0);

    void down() {
        down = true;
    }

    void up() {
        down = false;
    }

    /** Makes inserts wait until {@link #release()}. */
    void hang() {
        gate = new CountDownLatch(1);
    }

    void release() {
        gate.countDown();
    }

    @Override
    public void insertBatch(List<RequestLogEntry> entries) {
        attempts.incrementAndGet();
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (down) {
            throw new RequestLogStorageException("down", new SQLException("Connection refused", "08001"));
        }
        if (entries.stream().anyMatch(e -> poison.contains(e.id()))) {
            throw new RequestLogStorageException("bad row", new SQLException("date/time field value out of range",
                    "22008"));
        }
        store.insertBatch(entries);
    }
}
