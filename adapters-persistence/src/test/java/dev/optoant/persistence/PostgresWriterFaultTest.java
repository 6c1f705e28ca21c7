package dev.optoant.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.optoant.domain.log.RequestLogEntry;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** The writer against a real PostgreSQL that stops, restarts, or isn't there: every row arrives exactly once. */
class PostgresWriterFaultTest {
    @RegisterExtension
    static final EmbeddedPostgresExtension DB = new EmbeddedPostgresExtension();

    @TempDir
    Path journal;
    private final List<BatchingRequestLogWriter> writers = new ArrayList<>();

    @BeforeEach
    void emptyLogWithTodaysPartitions() {
        DB.restart();
        DB.truncate();
        new RequestLogPartitions(DB.jdbi(), RequestLogSettings.defaults(journal)).maintain();
    }

    @AfterEach
    void closeWriters() {
        writers.forEach(BatchingRequestLogWriter::close);
    }

    private BatchingRequestLogWriter writer(Jdbi jdbi) {
        RequestLogSettings settings = new RequestLogSettings(10_000, 100, Duration.ofMillis(10), journal, 64 * 1024, 0,
                true, 4096);
        BatchingRequestLogWriter writer = new BatchingRequestLogWriter(new PostgresRequestLogStore(jdbi), settings,
                Duration.ofMillis(300)).start();
        writers.add(writer);
        return writer;
    }

    @Test
    void theDatabaseStoppedMidRunLosesNothingAndDuplicatesNothing() {
        BatchingRequestLogWriter writer = writer(DB.jdbi());
        List<RequestLogEntry> before = now(300);
        before.forEach(writer::record);
        Poll.until("first 300 stored", () -> rows() == 300);

        DB.stop();
        List<RequestLogEntry> during = now(300);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> during.forEach(writer::record));
        Poll.until("the outage noticed and the rows journalled", () -> writer.stats().rowsSpilled() == 300);
        assertThat(writer.keepingUp()).isFalse();
        assertThat(writer.journalFiles()).isPositive();

        DB.restart();
        Poll.until("all 600 stored and the journal replayed", () -> rows() == 600 && writer.journalFiles() == 0);
        assertThat(DB.one("select count(distinct id) from request_log", Long.class)).isEqualTo(600);
        Poll.until("healthy again", writer::keepingUp);
    }

    @Test
    void aJournalFromAnEarlierRunIsReplayedAtStartWithoutDuplicates() throws IOException {
        BatchingRequestLogWriter unreachable = writer(Jdbi.create(refusingDataSource()));
        List<RequestLogEntry> entries = now(250);
        entries.forEach(unreachable::record);
        unreachable.close();
        assertThat(unreachable.stats().rowsSpilled()).isEqualTo(250);
        new PostgresRequestLogStore(DB.jdbi()).insertBatch(entries.subList(0, 100));

        BatchingRequestLogWriter next = writer(DB.jdbi());

        Poll.until("the journal replayed", () -> next.journalFiles() == 0 && next.stats().rowsReplayed() == 250);
        assertThat(rows()).isEqualTo(250);
    }

    @Test
    void aRowPostgresRefusesIsSetAsideAndTheRestStored() {
        BatchingRequestLogWriter writer = writer(DB.jdbi());
        List<RequestLogEntry> entries = new ArrayList<>(now(20));
        RequestLogEntry outOfRange = TestEntries.sparse(Instant.parse("+300000-01-01T00:00:00Z"));
        entries.add(10, outOfRange);

        entries.forEach(writer::record);

        Poll.until("the good rows stored", () -> rows() == 20);
        Poll.until("the bad row set aside", () -> writer.stats().rowsRejected() == 1);
        assertThat(writer.keepingUp()).isTrue();
    }

    private static List<RequestLogEntry> now(int n) {
        return TestEntries.many(n, Instant.now());
    }

    private static long rows() {
        try {
            return DB.one("select count(*) from request_log", Long.class);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static PGSimpleDataSource refusingDataSource() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"localhost"});
        dataSource.setPortNumbers(new int[] {port});
        dataSource.setUser("postgres");
        return dataSource;
    }
}
