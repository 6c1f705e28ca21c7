package dev.optoant.persistence;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Creates and upgrades the request-log schema with Flyway; safe to run at every start-up and from {@code db migrate}. */
public final class RequestLogMigrations {
    /** Where the versioned scripts live on the class path. */
    public static final String LOCATION = "classpath:db/migration";

    private RequestLogMigrations() {
    }

    /** Applies every pending migration and returns how many ran (0 when the schema is current). */
    public static int migrate(DataSource dataSource) {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .load()
                .migrate();
        return result.migrationsExecuted;
    }
}
