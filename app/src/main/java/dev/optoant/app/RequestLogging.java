package dev.optoant.app;

import dev.optoant.domain.log.RequestLogReader;
import dev.optoant.domain.log.RequestLogStore;
import dev.optoant.domain.log.RequestLogUsageReader;
import dev.optoant.persistence.BatchingRequestLogWriter;
import dev.optoant.persistence.PostgresDsn;
import dev.optoant.persistence.PostgresRequestLogStore;
import dev.optoant.persistence.RequestLogSettings;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.lifecycle.Managed;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;

/** Assembles the request log: the database (configured or embedded), migrations, the batching writer, metrics. */
final class RequestLogging {
    private static final RequestLogStore OFF = entry -> { };

    /**
     * What the rest of the wiring needs from the log: the store the request path hands entries to, and the readers
     * behind the admin API (empty when the log is switched off).
     */
    record Started(RequestLogStore store, Optional<Readers> readers) {
    }

    /** Both read ports of the request log, usually one object. */
    record Readers(RequestLogReader entries, RequestLogUsageReader usage) {
    }

    private RequestLogging() {
    }

    /** Starts the log; when it is switched off, the store is a no-op one and there is nothing to read. */
    static Started start(OptoantConfiguration config, Environment environment) {
        RequestLogConfig log = config.requestLog();
        if (!log.enabled()) {
            return new Started(OFF, Optional.empty());
        }
        DataSourceFactory database = dataSource(config, environment);
        ManagedDataSource dataSource = database.build(environment.metrics(), "request-log");
        // JdbiFactory manages the data source's lifecycle and registers its health check, named "database".
        Jdbi jdbi = new JdbiFactory().build(environment, database, dataSource, "database");
        RequestLogSettings settings = log.toSettings();
        PostgresRequestLogStore postgres = new PostgresRequestLogStore(jdbi);
        PreparedSink sink = new PreparedSink(dataSource, jdbi, settings, postgres);
        sink.prepareQuietly();
        BatchingRequestLogWriter writer = new BatchingRequestLogWriter(sink, settings).start();
        environment.lifecycle().manage(new Managed() {
            @Override
            public void stop() {
                writer.close(log.shutdownFlushTimeout());
            }
        });
        ScheduledExecutorService maintenance = environment.lifecycle()
                .scheduledExecutorService("request-log-partitions", true).threads(1).build();
        maintenance.scheduleAtFixedRate(sink::maintainQuietly, 6, 6, TimeUnit.HOURS);
        RequestLogMetrics.register(environment, writer);
        return new Started(writer, Optional.of(new Readers(postgres, postgres)));
    }

    private static DataSourceFactory dataSource(OptoantConfiguration config, Environment environment) {
        Optional<PostgresDsn> dsn = config.database().parsedDsn();
        DataSourceFactory factory = new DataSourceFactory();
        factory.setDriverClass("org.postgresql.Driver");
        factory.setMinSize(1);
        factory.setInitialSize(1);
        factory.setMaxSize(4);
        factory.setCheckConnectionOnBorrow(true);
        factory.setValidationQuery("/* optoant */ SELECT 1");
        if (dsn.isPresent()) {
            factory.setUrl(dsn.get().jdbcUrl());
            factory.setUser(dsn.get().user().orElse(null));
            factory.setPassword(dsn.get().password().orElse(null));
        } else {
            EmbeddedDatabase embedded = EmbeddedDatabase.start(config.database().embeddedDirectory(),
                    config.database().embeddedPort(), GracefulShutdown.longestStop(config));
            environment.lifecycle().manage(embedded);
            factory.setUrl(embedded.jdbcUrl());
            factory.setUser("postgres");
        }
        return factory;
    }
}
