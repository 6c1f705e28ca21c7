package dev.optoant.persistence;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import dev.optoant.domain.log.RequestLogEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/** The writer's bounded in-memory queue: offered to without blocking, drained in batches by size and by time. */
final class EntryQueue {
    // Put in by wake() so a waiting writer returns at once; never handed out.
    private static final RequestLogEntry WAKE = new RequestLogEntry(null, null, null, null, null, null, null, false, 0,
            null, null, 0, null, null, null, null, null, null, null, null, null, null, null);

    private final BlockingQueue<RequestLogEntry> queue;
    private final int capacity;
    private volatile boolean woken;

    EntryQueue(int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.capacity = capacity;
    }

    /** False when full. */
    boolean offer(RequestLogEntry entry) {
        return queue.offer(entry);
    }

    /** Makes a waiting {@link #nextBatch} return (if the queue has room for the signal; if not, no one waits). */
    void wake() {
        woken = true;
        queue.offer(WAKE);
    }

    /**
     * Waits up to {@code wait} for a first entry, then as long again for the batch to fill to {@code max}; returns
     * early once woken.
     */
    List<RequestLogEntry> nextBatch(int max, long waitNanos) throws InterruptedException {
        List<RequestLogEntry> batch = new ArrayList<>(max);
        RequestLogEntry first = queue.poll(waitNanos, NANOSECONDS);
        if (first != null && first != WAKE) {
            batch.add(first);
            long deadline = System.nanoTime() + waitNanos;
            while (batch.size() < max && !woken) {
                if (queue.drainTo(batch, max - batch.size()) > 0) {
                    continue;
                }
                long left = deadline - System.nanoTime();
                RequestLogEntry next = left > 0 ? queue.poll(left, NANOSECONDS) : null;
                if (next == null || next == WAKE) {
                    break;
                }
                batch.add(next);
            }
        }
        batch.removeIf(e -> e == WAKE);
        return batch;
    }

    /** Takes up to {@code max} entries without waiting. */
    List<RequestLogEntry> drain(int max) {
        List<RequestLogEntry> batch = new ArrayList<>(Math.min(max, queue.size() + 1));
        queue.drainTo(batch, max);
        batch.removeIf(e -> e == WAKE);
        return batch;
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    int size() {
        return queue.size();
    }

    int capacity() {
        return capacity;
    }
}
