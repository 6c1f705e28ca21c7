package dev.optoant.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.optoant.persistence.PostgresDsn;
import java.util.Optional;

/** The {@code database:} section: a libpq-style DSN, or nothing for the embedded database. */
public class DatabaseConfig {
    @JsonProperty
    private String dsn = "";

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
