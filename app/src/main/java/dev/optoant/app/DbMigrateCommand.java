package dev.optoant.app;

import dev.optoant.persistence.PostgresDsn;
import dev.optoant.persistence.RequestLogMigrations;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.postgresql.ds.PGSimpleDataSource;

/** {@code db migrate config.yml}: brings the configured database's request-log schema up to date, then exits. */
final class DbMigrateCommand extends ConfiguredCommand<OptoantConfiguration> {

    DbMigrateCommand() {
        super("db", "Database tasks; 'db migrate config.yml' applies the request-log schema migrations");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("action").choices("migrate").help("what to do: migrate");
        super.configure(subparser);
    }

    @Override
    protected void run(Bootstrap<OptoantConfiguration> bootstrap, Namespace namespace, OptoantConfiguration config) {
        PostgresDsn dsn = config.database().parsedDsn().orElseThrow(() -> new StartupException(
                "database.dsn (DATABASE_DSN or POSTGRES_DSN) is empty: 'db migrate' works on a configured database;"
                        + " the embedded one is migrated when the gateway starts"));
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(dsn.jdbcUrl());
        dsn.user().ifPresent(dataSource::setUser);
        dsn.password().ifPresent(dataSource::setPassword);
        int applied = RequestLogMigrations.migrate(dataSource);
        System.out.println("optoant: request-log schema up to date (" + applied + " migration(s) applied)");
    }

    @Override
    public void onError(io.dropwizard.core.cli.Cli cli, Namespace namespace, Throwable e) {
        StartupProblems.describe(e).ifPresentOrElse(
                line -> cli.getStdErr().println("optoant: configuration error: " + line),
                () -> cli.getStdErr().println("optoant: db migrate failed: " + e.getMessage()));
    }
}
