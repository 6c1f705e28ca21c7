package dev.optoant.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One embedded PostgreSQL per test class (register it as a static {@code @RegisterExtension} field), on a random port,
 * migrated. Its data lives in a directory of its own, so {@link #stop()} and {@link #restart()} bring back the same
 * server on the same port with the same rows, as a real outage would.
 */
final class EmbeddedPostgresExtension implements BeforeAllCallback, AfterAllCallback {
    private Path dataDirectory;
    private EmbeddedPostgres postgres;
    private int port;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dataDirectory = Files.createTempDirectory("optoant-pg-");
        start();
        RequestLogMigrations.migrate(dataSource());
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        stop();
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Shuts the server down (fast mode: open connections are cut), keeping its data. */
    void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            postgres = null;
        }
    }

    /** Starts the server again on the same data directory and port. */
    void restart() {
        if (postgres == null) {
            start();
        }
    }

    private void start() {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false);
            if (port != 0) {
                builder.setPort(port);
            }
            postgres = builder.start();
            port = postgres.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    /** A data source by URL, so it keeps working across {@link #restart()}; each connection is a new one. */
    DataSource dataSource() {
        return dataSource("postgres");
    }

    /** As {@link #dataSource()} for another database of the same server (made with {@code create database}). */
    DataSource dataSource(String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"localhost"});
        dataSource.setPortNumbers(new int[] {port});
        dataSource.setDatabaseName(database);
        dataSource.setUser("postgres");
        dataSource.setConnectTimeout(5);
        return dataSource;
    }

    Jdbi jdbi() {
        return Jdbi.create(dataSource());
    }

    /** The single value of a query, e.g. a count. */
    <T> T one(String sql, Class<T> type) {
        return jdbi().withHandle(h -> h.createQuery(sql).mapTo(type).one());
    }

    <T> List<T> list(String sql, Class<T> type) {
        return jdbi().withHandle(h -> h.createQuery(sql).mapTo(type).list());
    }

    void execute(String sql) {
        jdbi().useHandle(h -> h.execute(sql));
    }

    /** Empties the request log, keeping the partitions. */
    void truncate() {
        jdbi().useHandle(h -> h.execute("truncate request_log"));
    }
}
