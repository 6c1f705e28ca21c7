package dev.optoant.persistence;

import static dev.optoant.persistence.TestEntries.BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.optoant.domain.log.RequestLogEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link BatchingRequestLogWriter} over a sink that can fail or hang: nothing blocks, nothing is lost or doubled. */
class BatchingRequestLogWriterTest {
    private static final Duration AT_ONCE = Duration.ofSeconds(5);

    @TempDir
    Path journal;
    private final ControllableSink sink = new ControllableSink();
    private BatchingRequestLogWriter writer;

    @AfterEach
    void close() {
        if (writer != null) {
            writer.close();
        }
        sink.release();
    }

    private BatchingRequestLogWriter start(int queueCapacity, int batchSize, Duration flush) {
        writer = new BatchingRequestLogWriter(sink, settings(queueCapacity, batchSize, flush, true, 1 << 20),
                Duration.ofMillis(200)).start();
        return writer;
    }

    private RequestLogSettings settings(int capacity, int batch, Duration flush, boolean bodies, int maxBody) {
        return new RequestLogSettings(capacity, batch, flush, journal, 4096, 0, bodies, maxBody);
    }

    @Test
    void aFullQueueSpillsToTheJournalInsteadOfBlockingOrDropping() {
        sink.hang();
        start(10, 5, Duration.ofMillis(10));
        List<RequestLogEntry> entries = TestEntries.many(200, BASE);

        assertTimeoutPreemptively(AT_ONCE, () -> entries.forEach(writer::record));

        assertThat(writer.stats().rowsSpilled()).isGreaterThanOrEqualTo(200 - 10 - 5);
        sink.release();
        Poll.until("all 200 stored", () -> sink.store.size() == 200 && writer.journalFiles() == 0);
        assertThat(sink.store.find(RequestLogStoreContract.filter(null, null, null, null, null, false, null, 1000)))
                .containsExactlyInAnyOrderElementsOf(entries);
        assertThat(writer.stats().rowsReplayed()).isEqualTo(writer.stats().rowsSpilled());
    }

    @Test
    void aFailingDatabaseSendsBatchesToTheJournalAndTheyArriveOnceItIsBack() {
        sink.down();
        start(1_000, 50, Duration.ofMillis(10));
        List<RequestLogEntry> entries = TestEntries.many(500, BASE);

        assertTimeoutPreemptively(AT_ONCE, () -> entries.forEach(writer::record));
        Poll.until("everything journalled", () -> writer.stats().rowsSpilled() == 500);

        assertThat(sink.store.size()).isZero();
        assertThat(writer.keepingUp()).isFalse();
        assertThat(writer.stats().failures()).isPositive();
        assertThat(writer.stats().lastError()).hasValueSatisfying(m -> assertThat(m).contains("Connection refused"));
        assertThat(writer.journalFiles()).isPositive();

        sink.up();
        Poll.until("all 500 stored and the journal empty", () -> sink.store.size() == 500 && writer.journalFiles() == 0);
        Poll.until("healthy again", writer::keepingUp);
        assertThat(writer.stats().rowsReplayed()).isEqualTo(500);
    }

    @Test
    void whileTheDatabaseIsDownAttemptsBackOff() {
        sink.down();
        start(1_000, 1, Duration.ofMillis(1));

        for (int i = 0; i < 300; i++) {
            writer.record(TestEntries.sparse(BASE.plusMillis(i)));
        }
        Poll.until("everything journalled", () -> writer.stats().rowsSpilled() == 300);

        assertThat(sink.attempts.get()).isLessThan(30);
    }

    @Test
    void aJournalLeftByAClosedWriterIsReplayedByTheNextOneWithoutDuplicates() {
        sink.down();
        start(1_000, 20, Duration.ofMillis(10));
        List<RequestLogEntry> entries = TestEntries.many(100, BASE);
        entries.forEach(writer::record);
        writer.close();
        assertThat(writer.journalFiles()).isPositive();
        assertThat(writer.stats().rowsSpilled()).isEqualTo(100);
        sink.up();
        sink.store.insertBatch(entries.subList(0, 30));

        start(1_000, 20, Duration.ofMillis(10));

        Poll.until("replayed", () -> writer.journalFiles() == 0 && writer.stats().rowsReplayed() == 100);
        assertThat(sink.store.size()).isEqualTo(100);
    }

    @Test
    void aTornLastLineIsSkippedAndTheRestReplayed() throws IOException {
        List<RequestLogEntry> entries = TestEntries.many(3, BASE);
        StringBuilder text = new StringBuilder();
        for (RequestLogEntry e : entries) {
            text.append(SpillJournal.JSON.writeValueAsString(e)).append('\n');
        }
        String torn = SpillJournal.JSON.writeValueAsString(TestEntries.full(BASE));
        text.append(torn, 0, torn.length() / 2);
        Files.writeString(journal.resolve("spill-0000000000001-000001.jsonl"), text, StandardCharsets.UTF_8);

        start(100, 10, Duration.ofMillis(10));

        Poll.until("replayed", () -> writer.journalFiles() == 0);
        assertThat(sink.store.size()).isEqualTo(3);
        assertThat(writer.stats().journalLinesSkipped()).isEqualTo(1);
        assertThat(writer.stats().rowsReplayed()).isEqualTo(3);
    }

    @Test
    void closeFlushesTheQueueToTheDatabase() {
        start(10_000, 5_000, Duration.ofSeconds(30));
        TestEntries.many(3_000, BASE).forEach(writer::record);

        writer.close();

        assertThat(sink.store.size()).isEqualTo(3_000);
        assertThat(writer.journalFiles()).isZero();
    }

    @Test
    void closeJournalsWhatTheDatabaseCannotTakeAndLaterEntriesToo() throws IOException {
        sink.hang();
        start(10_000, 100, Duration.ofMillis(10));
        TestEntries.many(1_000, BASE).forEach(writer::record);

        assertTimeoutPreemptively(AT_ONCE, () -> writer.close(Duration.ofMillis(100)));
        writer.record(TestEntries.sparse(BASE));

        assertThat(journalLines()).isGreaterThanOrEqualTo(1_001);
        assertThat(writer.stats().rowsLost()).isZero();
    }

    @Test
    void entriesRecordedWhileTheWriterClosesAreAllKept() throws Exception {
        start(100, 10, Duration.ofMillis(1));
        List<RequestLogEntry> entries = TestEntries.many(8_000, BASE);
        CountDownLatch halfway = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < 4; t++) {
                List<RequestLogEntry> mine = entries.subList(t * 2_000, (t + 1) * 2_000);
                threads.submit(() -> {
                    for (int i = 0; i < mine.size(); i++) {
                        writer.record(mine.get(i));
                        if (i == 1_000) {
                            halfway.countDown();
                        }
                    }
                });
            }
            halfway.await();
            writer.close(Duration.ofMillis(50));
        }
        assertThat(writer.stats().rowsLost()).isZero();

        start(100, 500, Duration.ofMillis(1));

        Poll.until("all 8000 stored", () -> sink.store.size() == 8_000 && writer.journalFiles() == 0);
    }

    @Test
    void rowsTheDatabaseRefusesAreSetAsideAndTheRestOfTheirBatchStored() throws IOException {
        start(1_000, 100, Duration.ofMillis(20));
        List<RequestLogEntry> entries = TestEntries.many(50, BASE);
        sink.poison.add(entries.get(7).id());

        entries.forEach(writer::record);

        Poll.until("the good rows stored", () -> sink.store.size() == 49);
        assertThat(writer.stats().rowsRejected()).isEqualTo(1);
        assertThat(writer.keepingUp()).isTrue();
        try (Stream<Path> files = Files.list(journal)) {
            Path rejected = files.filter(p -> p.getFileName().toString().startsWith("rejected-")).findFirst()
                    .orElseThrow();
            assertThat(Files.readString(rejected)).contains(entries.get(7).id().toString(), "22008");
        }
    }

    @Test
    void bodiesAreDroppedWhenCaptureIsOffAndCutToTheLimitWhenOn() {
        writer = new BatchingRequestLogWriter(sink, settings(100, 10, Duration.ofMillis(5), false, 10)).start();
        RequestLogEntry entry = TestEntries.full(BASE);
        writer.record(entry);
        Poll.until("stored", () -> sink.store.size() == 1);
        assertThat(sink.store.find(RequestLogStoreContract.filter(null, null, null, null, null, false, null, 1)))
                .singleElement().satisfies(e -> assertThat(e.requestBody()).isNull())
                .satisfies(e -> assertThat(e.responseBody()).isNull());
        writer.close();

        writer = new BatchingRequestLogWriter(sink, settings(100, 10, Duration.ofMillis(5), true, 10)).start();
        RequestLogEntry other = TestEntries.full(BASE.plusSeconds(1));
        writer.record(other);
        Poll.until("stored", () -> sink.store.size() == 2);
        assertThat(sink.store.find(RequestLogStoreContract.filter(null, null, null, null, null, false, null, 1)))
                .singleElement().satisfies(e -> assertThat(e.requestBody()).isEqualTo(other.requestBody().substring(0, 10)))
                .satisfies(e -> assertThat(e.responseBody()).hasSize(10));
    }

    @Test
    void recordNeverThrowsAndIgnoresNull() {
        start(10, 5, Duration.ofMillis(5));

        writer.record(null);

        assertThat(writer.stats().failures()).isZero();
        assertThat(writer.keepingUp()).isTrue();
    }

    private long journalLines() throws IOException {
        long lines = 0;
        for (Path file : writer.journalFiles() > 0 ? List.copyOf(new SpillJournal(journal, 4096).pendingFiles())
                : List.<Path>of()) {
            lines += Files.readAllLines(file).size();
        }
        return lines;
    }
}
