package dev.optoant.app;

import io.dropwizard.lifecycle.Managed;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The PostgreSQL server the gateway runs itself when no DSN is configured, with its data in a local directory. */
final class EmbeddedDatabase implements Managed {
    private final EmbeddedPostgres postgres;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean managed;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts (initialising the directory on first use) and returns once the server accepts connections. At JVM exit
     * the database waits up to {@code exitWait} for the gateway's own stop, which drains requests and flushes the
     * request log into it; a database the gateway never got to manage is stopped at once.
     */
    static EmbeddedDatabase start(Path directory, int port, Duration exitWait) {
        try {
            Files.createDirectories(directory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory.toAbsolutePath())
                    .setCleanDataDirectory(false)
                    // zonky's own hook would stop PostgreSQL while the gateway still drains requests into it.
                    .setRegisterShutdownHook(false);
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedDatabase database = new EmbeddedDatabase(builder.start());
            Runtime.getRuntime().addShutdownHook(
                    new Thread(() -> database.stopAtExit(exitWait), "embedded-postgres-exit"));
            return database;
        } catch (IOException | RuntimeException e) {
            throw new StartupException("database.embeddedDirectory " + directory
                    + ": the embedded PostgreSQL did not start (" + e.getMessage() + ")");
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void start() {
        managed = true;
    }

    @Override
    public void stop() throws IOException {
        try {
            postgres.close();
        } finally {
            stopped.countDown();
        }
    }

    private void stopAtExit(Duration exitWait) {
        try {
            if (managed && stopped.await(exitWait.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
            postgres.close();
        } catch (IOException | RuntimeException e) {
            System.err.println("optoant: the embedded PostgreSQL did not stop cleanly: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
