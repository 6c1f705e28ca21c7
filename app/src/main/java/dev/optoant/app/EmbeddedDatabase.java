package dev.optoant.app;

import io.dropwizard.lifecycle.Managed;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The PostgreSQL server the gateway runs itself when no DSN is configured, with its data in a local directory. */
final class EmbeddedDatabase implements Managed {
    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts (initialising the directory on first use) and returns once the server accepts connections. */
    static EmbeddedDatabase start(Path directory, int port) {
        try {
            Files.createDirectories(directory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory.toAbsolutePath())
                    .setCleanDataDirectory(false);
            if (port > 0) {
                builder.setPort(port);
            }
            return new EmbeddedDatabase(builder.start());
        } catch (IOException | RuntimeException e) {
            throw new StartupException("database.embeddedDirectory " + directory
                    + ": the embedded PostgreSQL did not start (" + e.getMessage() + ")");
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void stop() throws IOException {
        postgres.close();
    }
}
