package dev.optoant.persistence;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import dev.optoant.domain.log.RequestLogEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * The writer's bounded in-memory queue: offered to without blocking, drained in batches by size and by time. While a
 * batch fills, the writer sleeps until the batch is due and is woken early only once a full batch is waiting, not by
 * every entry: at moderate rates a request never pays for waking the writer.
 */
final class EntryQueue {
    // Put in by wake() so a waiting writer returns at once; never handed out.
    private static final RequestLogEntry WAKE = new RequestLogEntry(null, null, null, null, null, null, null, false, 0,
            null, null, 0, null, null, null, null, null, null, null, null, null, null, null);

    private final BlockingQueue<RequestLogEntry> queue;
    private final int capacity;
    private volatile boolean woken;
    // The writer while it waits for a batch to fill, and how many queued entries would fill it.
    private volatile Thread filling;
    private volatile int fillTarget;

    EntryQueue(int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.capacity = capacity;
    }

    /** False when full. */
    boolean offer(RequestLogEntry entry) {
        if (!queue.offer(entry)) {
            return false;
        }
        Thread writer = filling;
        if (writer != null && queue.size() >= fillTarget) {
            LockSupport.unpark(writer);
        }
        return true;
    }

    /** Makes a waiting {@link #nextBatch} return (if the queue has room for the signal; if not, no one waits). */
    void wake() {
        woken = true;
        queue.offer(WAKE);
        Thread writer = filling;
        if (writer != null) {
            LockSupport.unpark(writer);
        }
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
            fill(batch, max, System.nanoTime() + waitNanos);
        }
        batch.removeIf(e -> e == WAKE);
        return batch;
    }

    private void fill(List<RequestLogEntry> batch, int max, long deadline) throws InterruptedException {
        filling = Thread.currentThread();
        try {
            while (!woken) {
                queue.drainTo(batch, max - batch.size());
                long left = deadline - System.nanoTime();
                if (batch.size() >= max || left <= 0 || batch.contains(WAKE)) {
                    return;
                }
                fillTarget = max - batch.size();
                if (queue.size() < fillTarget) {
                    LockSupport.parkNanos(this, left);
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        } finally {
            filling = null;
        }
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
