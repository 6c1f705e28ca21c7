package dev.optoant.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.optoant.persistence.PostgresDsn;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.nio.file.Path;
import java.util.Optional;

/** The {@code database:} section: a libpq-style DSN, or nothing for the embedded database. */
public class DatabaseConfig {
    @JsonProperty
    private String dsn = "";

    @NotBlank
    @JsonProperty
    private String embeddedDirectory = "data/postgres";

    @Min(0)
    @Max(65535)
    @JsonProperty
    private int embeddedPort = 0;

    /** Where the embedded PostgreSQL keeps its data when no DSN is set; it survives restarts. */
    public Path embeddedDirectory() {
        return Path.of(embeddedDirectory);
    }

    /** The embedded server's port; 0 picks a free one at each start. */
    public int embeddedPort() {
        return embeddedPort;
    }

    /** The parsed DSN, or empty when none is configured; a malformed one fails naming the key. */
    public Optional<PostgresDsn> parsedDsn() {
        if (dsn == null || dsn.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(PostgresDsn.parse(dsn));
        } catch (IllegalArgumentException e) {
            throw new StartupException("database.dsn (DATABASE_DSN or POSTGRES_DSN) " + e.getMessage());
        }
    }
}
