package dev.optoant.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.optoant.domain.log.RequestLogEntry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** How {@link EntryQueue} forms batches: by time at moderate rates, early once a batch is full or when woken. */
class EntryQueueTest {
    private static final long ONE_HOUR = TimeUnit.HOURS.toNanos(1);
    private static final Duration BOUND = Duration.ofSeconds(20);

    @Test
    void entriesArrivingWhileABatchFillsLeaveTogetherAtTheDeadline() throws Exception {
        EntryQueue queue = new EntryQueue(100);
        List<RequestLogEntry> entries = TestEntries.many(5, TestEntries.BASE);
        CompletableFuture<List<RequestLogEntry>> batch = CompletableFuture.supplyAsync(() -> next(queue, 50,
                TimeUnit.MILLISECONDS.toNanos(500)));
        for (RequestLogEntry entry : entries) {
            assertThat(queue.offer(entry)).isTrue();
        }
        assertThat(assertTimeoutPreemptively(BOUND, () -> batch.get())).containsExactlyElementsOf(entries);
    }

    @Test
    void aFullBatchLeavesWithoutWaitingForTheDeadline() {
        EntryQueue queue = new EntryQueue(100);
        List<RequestLogEntry> entries = TestEntries.many(10, TestEntries.BASE);
        CompletableFuture<List<RequestLogEntry>> batch = CompletableFuture.supplyAsync(() -> next(queue, 10, ONE_HOUR));
        entries.forEach(queue::offer);
        assertThat(assertTimeoutPreemptively(BOUND, () -> batch.get())).containsExactlyElementsOf(entries);
    }

    @Test
    void wakingReturnsAtOnceAndTheRestStaysQueued() {
        EntryQueue queue = new EntryQueue(100);
        List<RequestLogEntry> entries = TestEntries.many(3, TestEntries.BASE);
        CompletableFuture<List<RequestLogEntry>> batch = CompletableFuture.supplyAsync(() -> next(queue, 10, ONE_HOUR));
        entries.forEach(queue::offer);
        queue.wake();
        List<RequestLogEntry> first = assertTimeoutPreemptively(BOUND, () -> batch.get());
        assertThat(first).isNotEmpty();
        assertThat(concat(first, queue.drain(10))).containsExactlyElementsOf(entries);
    }

    private static List<RequestLogEntry> concat(List<RequestLogEntry> a, List<RequestLogEntry> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    @Test
    void aFullQueueRefusesAndKeepsWhatItHolds() {
        EntryQueue queue = new EntryQueue(2);
        List<RequestLogEntry> entries = TestEntries.many(3, TestEntries.BASE);
        assertThat(entries).extracting(queue::offer).containsExactly(true, true, false);
        assertThat(queue.drain(10)).containsExactlyElementsOf(entries.subList(0, 2));
    }

    private static List<RequestLogEntry> next(EntryQueue queue, int max, long waitNanos) {
        try {
            return queue.nextBatch(max, waitNanos);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
