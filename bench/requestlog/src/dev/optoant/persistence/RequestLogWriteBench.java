package dev.optoant.persistence;

import com.sun.management.OperatingSystemMXBean;
import dev.optoant.domain.log.RequestLogEntry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Jdbi;

/**
 * Request-log batch writes into an embedded PostgreSQL, method against method: rows/s, and CPU per row of this JVM
 * and of the PostgreSQL server's processes. Rounds alternate the methods; the table gives each one's medians.
 * Arguments: {@code [rows [rounds [batch]]]}, default 200,000 rows, 5 rounds, 500-row batches. The embedded server's
 * data directory is removed when it stops.
 */
public final class RequestLogWriteBench {
    private static final int WARMUP_BATCHES = 40;

    private RequestLogWriteBench() {
    }

    /** One round's figures for one method. */
    record Run(double rowsPerSecond, double jvmMicrosPerRow, double postgresMicrosPerRow) {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        Path data = Files.createTempDirectory("optoant-bench-pg-");
        // Autovacuum off: its runs after each truncate-and-load would land at random in one method's measurement.
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(data)
                        .setServerConfig("autovacuum", "off").start();
                Connection connection = pg.getPostgresDatabase().getConnection()) {
            RequestLogMigrations.migrate(pg.getPostgresDatabase());
            Jdbi admin = Jdbi.create(pg.getPostgresDatabase());
            new RequestLogPartitions(admin, RequestLogSettings.defaults(data)).maintain();
            if (Boolean.getBoolean("bench.primaryKeyOnly")) {
                // What the secondary indexes cost, for comparison: the table keeps only its primary key.
                List<String> secondary = admin.withHandle(h -> h.createQuery("select indexname from pg_indexes"
                        + " where tablename = 'request_log' and indexname <> 'request_log_pkey'")
                        .mapTo(String.class).list());
                for (String index : secondary) {
                    admin.useHandle(h -> h.execute("drop index " + index));
                }
            }
            ServerCpu server = ServerCpu.of(data);
            Map<String, BatchMethod> methods = new LinkedHashMap<>();
            methods.put("multi-row INSERT ... VALUES", new MultiRowInsert(connection));
            Jdbi pooled = Jdbi.create(reusing(connection));
            methods.put("COPY text, TEMP table, INSERT ... SELECT", new CopyTextInsert(pooled));
            methods.put("COPY binary, TEMP table, INSERT ... SELECT", new CopyBinaryInsert(pooled));
            PostgresRequestLogStore store = new PostgresRequestLogStore(pooled);
            methods.put("the store: COPY binary straight into request_log", store::insertBatch);
            methods.put("unnest, no conflict clause (the store before)", batchRows -> UnnestInsert.insert(connection,
                    batchRows, UnnestInsert.PLAIN_SQL));
            methods.put("unnest with ON CONFLICT on every batch", batchRows -> UnnestInsert.insert(connection,
                    batchRows, UnnestInsert.SKIPPING_SQL));
            System.err.printf("%,d rows a run in %d-row batches, %d rounds, %d CPUs, PostgreSQL %s%n", rows, batch,
                    rounds, Runtime.getRuntime().availableProcessors(),
                    admin.withHandle(h -> h.createQuery("show server_version").mapTo(String.class).one()));
            Map<String, List<Run>> runs = new LinkedHashMap<>();
            List<String> names = new ArrayList<>(methods.keySet());
            for (int round = 0; round < rounds; round++) {
                for (int k = 0; k < names.size(); k++) {
                    String name = names.get((k + round) % names.size());
                    Run run = measure(methods.get(name), rows, batch, admin, server);
                    runs.computeIfAbsent(name, n -> new ArrayList<>()).add(run);
                    System.err.printf(Locale.ROOT, "round %d  %-46s %,9.0f rows/s  JVM %6.2f us/row  PG %6.2f us/row%n",
                            round + 1, name, run.rowsPerSecond(), run.jvmMicrosPerRow(), run.postgresMicrosPerRow());
                }
            }
            System.out.println("| method | rows/s | JVM µs/row | PostgreSQL µs/row |");
            System.out.println("|---|---|---|---|");
            for (String name : names) {
                List<Run> r = runs.get(name);
                System.out.printf(Locale.ROOT, "| %s | %,.0f | %.1f | %.1f |%n", name,
                        median(r.stream().mapToDouble(Run::rowsPerSecond)),
                        median(r.stream().mapToDouble(Run::jvmMicrosPerRow)),
                        median(r.stream().mapToDouble(Run::postgresMicrosPerRow)));
            }
        }
    }

    private static Run measure(BatchMethod method, int rows, int batch, Jdbi admin, ServerCpu server)
            throws SQLException, IOException {
        admin.useHandle(h -> h.execute("truncate request_log"));
        admin.useHandle(h -> h.execute("checkpoint"));
        List<RequestLogEntry> warmup = RealisticEntries.make(WARMUP_BATCHES * batch, Instant.now());
        for (int i = 0; i < warmup.size(); i += batch) {
            method.insert(warmup.subList(i, i + batch));
        }
        List<RequestLogEntry> entries = RealisticEntries.make(rows, Instant.now());
        OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
        long serverBefore = server.cpuNanos();
        long jvmBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < rows; i += batch) {
            method.insert(entries.subList(i, Math.min(rows, i + batch)));
        }
        long wall = System.nanoTime() - start;
        long jvm = os.getProcessCpuTime() - jvmBefore;
        long serverCpu = server.cpuNanos() - serverBefore;
        long stored = admin.withHandle(h -> h.createQuery("select count(*) from request_log").mapTo(Long.class).one());
        if (stored != rows + warmup.size()) {
            throw new IllegalStateException(stored + " rows stored, expected " + (rows + warmup.size()));
        }
        return new Run(rows / (wall / 1e9), jvm / 1e3 / rows, serverCpu / 1e3 / rows);
    }

    private static double median(java.util.stream.DoubleStream values) {
        double[] sorted = values.sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static ConnectionFactory reusing(Connection connection) {
        return new ConnectionFactory() {
            @Override
            public Connection openConnection() {
                return connection;
            }

            @Override
            public void closeConnection(Connection toClose) {
                // kept open for the next batch, as the pool does
            }
        };
    }
}
