package dev.optoant.persistence;

import dev.optoant.domain.log.RequestLogEntry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Jdbi;

/**
 * Run by hand, not a test: sustained insert rate into an embedded PostgreSQL for 500-row batches, per insert strategy,
 * and through the whole writer. Prints rows/s; asserts nothing. From {@code adapters-persistence/}, after
 * {@code mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt}:
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.optoant.persistence.RequestLogInsertBench
 * [rows [rounds]]}
 */
public final class RequestLogInsertBench {
    private static final int BATCH = 500;

    private RequestLogInsertBench() {
    }

    /** A strategy under measurement: inserts one batch. */
    private interface Inserter {
        void insert(List<RequestLogEntry> batch) throws SQLException;
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path data = Files.createTempDirectory("optoant-bench-pg-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(data.getParent(), "optoant-bench-")));
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(data).start();
                Connection connection = pg.getPostgresDatabase().getConnection();
                Connection rewriting = pg.getDatabase("postgres", "postgres",
                        java.util.Map.of("reWriteBatchedInserts", "true")).getConnection()) {
            RequestLogMigrations.migrate(pg.getPostgresDatabase());
            Jdbi perBatchConnection = Jdbi.create(pg.getPostgresDatabase());
            Jdbi oneConnection = Jdbi.create(reusing(connection));
            new RequestLogPartitions(perBatchConnection, RequestLogSettings.defaults(data)).maintain();
            System.out.printf("%,d rows a run in %d-row batches, %d CPUs%n", rows, BATCH,
                    Runtime.getRuntime().availableProcessors());
            PostgresRequestLogStore pooled = new PostgresRequestLogStore(oneConnection);
            PostgresRequestLogStore unpooled = new PostgresRequestLogStore(perBatchConnection);
            for (int round = 1; round <= rounds; round++) {
                System.out.println("round " + round);
                measure("multi-row INSERT (the store), one connection", rows, perBatchConnection, pooled::insertBatch);
                measure("multi-row INSERT, new connection per batch", rows, perBatchConnection, unpooled::insertBatch);
                measure("JDBC batch (addBatch/executeBatch)", rows, perBatchConnection, b -> jdbcBatch(connection, b));
                measure("JDBC batch, reWriteBatchedInserts=true", rows, perBatchConnection,
                        b -> jdbcBatch(rewriting, b));
                measure("INSERT ... SELECT FROM unnest(arrays)", rows, perBatchConnection, b -> unnest(connection, b));
                writer(rows, perBatchConnection, oneConnection, data);
            }
        }
    }

    private static void measure(String name, int rows, Jdbi admin, Inserter inserter) throws SQLException {
        admin.useHandle(h -> h.execute("truncate request_log"));
        List<RequestLogEntry> entries = TestEntries.many(rows + 10 * BATCH, Instant.now());
        for (int i = rows; i < entries.size(); i += BATCH) {
            inserter.insert(entries.subList(i, i + BATCH));
        }
        long checkpoints = checkpoints(admin);
        long start = System.nanoTime();
        for (int i = 0; i < rows; i += BATCH) {
            inserter.insert(entries.subList(i, Math.min(rows, i + BATCH)));
        }
        report(name, rows, System.nanoTime() - start, checkpoints(admin) - checkpoints);
    }

    private static void writer(int rows, Jdbi admin, Jdbi jdbi, Path data) throws Exception {
        admin.useHandle(h -> h.execute("truncate request_log"));
        RequestLogSettings settings = new RequestLogSettings(rows, BATCH, Duration.ofMillis(50),
                Files.createTempDirectory(data.getParent(), "optoant-bench-journal-"), 64L << 20, 0, false, 0);
        List<RequestLogEntry> entries = TestEntries.many(rows, Instant.now());
        long checkpoints = checkpoints(admin);
        try (BatchingRequestLogWriter writer = new BatchingRequestLogWriter(new PostgresRequestLogStore(jdbi),
                settings).start()) {
            long start = System.nanoTime();
            entries.forEach(writer::record);
            long recorded = System.nanoTime() - start;
            while (writer.stats().rowsWritten() + writer.stats().rowsReplayed() < rows) {
                LockSupport.parkNanos(1_000_000);
            }
            report("BatchingRequestLogWriter end to end", rows, System.nanoTime() - start,
                    checkpoints(admin) - checkpoints);
            System.out.printf(Locale.ROOT, "    record() took %.2f us each on average; spilled %d%n",
                    recorded / 1_000.0 / rows, writer.stats().rowsSpilled());
        }
    }

    private static long checkpoints(Jdbi admin) {
        return admin.withHandle(h -> h.createQuery(
                "select checkpoints_timed + checkpoints_req from pg_stat_bgwriter").mapTo(Long.class).one());
    }

    private static void unnest(Connection connection, List<RequestLogEntry> batch) throws SQLException {
        String sql = "insert into request_log (" + RequestLogRows.COLUMN_LIST + ") select * from unnest("
                + "?::uuid[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[],"
                + " ?::int[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[],"
                + " ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])" + RequestLogRows.ON_CONFLICT;
        int n = batch.size();
        Object[][] columns = new Object[22][n];
        for (int r = 0; r < n; r++) {
            RequestLogEntry e = batch.get(r);
            Object[] values = {e.id(), e.startedAt().toString(), e.api(), e.method(), e.path(), e.requestedModel(),
                e.upstreamModel(), e.streaming(), e.status(), e.errorType(), e.errorMessage(), e.latencyMicros(),
                e.firstByteMicros(), e.inputTokens(), e.outputTokens(), e.cachedTokens(), e.reasoningTokens(),
                e.clientAddress(), e.userAgent(), e.apiKeyFingerprint(), e.requestBody(), e.responseBody()};
            for (int c = 0; c < 22; c++) {
                columns[c][r] = values[c];
            }
        }
        String[] types = {"uuid", "text", "text", "text", "text", "text", "text", "bool", "int4", "text", "text",
            "int8", "int8", "int8", "int8", "int8", "int8", "text", "text", "text", "text", "text"};
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            for (int c = 0; c < 22; c++) {
                st.setArray(c + 1, connection.createArrayOf(types[c], columns[c]));
            }
            st.executeUpdate();
        }
    }

    private static void jdbcBatch(Connection connection, List<RequestLogEntry> batch) throws SQLException {
        String sql = "insert into request_log (" + RequestLogRows.COLUMN_LIST + ") values ("
                + "?, ".repeat(RequestLogRows.COLUMNS.size() - 1) + "?)" + RequestLogRows.ON_CONFLICT;
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            for (RequestLogEntry e : batch) {
                RequestLogRows.bind(st, 1, e);
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    private static void report(String name, int rows, long nanos, long checkpoints) {
        System.out.printf(Locale.ROOT, "  %-45s %,10.0f rows/s  (%d checkpoint(s) during the run)%n", name,
                rows / (nanos / 1e9), checkpoints);
    }

    private static void deleteTree(Path parent, String prefix) {
        try (var dirs = Files.list(parent)) {
            for (Path dir : dirs.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (java.io.IOException e) {
            System.err.println("could not remove " + parent + "/" + prefix + "*: " + e);
        }
    }

    private static ConnectionFactory reusing(Connection connection) {
        return new ConnectionFactory() {
            @Override
            public Connection openConnection() {
                return connection;
            }

            @Override
            public void closeConnection(Connection toClose) {
                // kept open for the next batch, as a pool would
            }
        };
    }
}
