package dev.optoant.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** {@code db migrate} through the real launcher: creates the schema on a configured database, and is repeatable. */
class DbMigrateCommandTest {

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private static Result launch(String dsn) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                OptoantApplication.class.getName(), "db", "migrate", GatewayTestSupport.CONFIG);
        builder.environment().remove("DATABASE_DSN");
        builder.environment().remove("POSTGRES_DSN");
        if (dsn != null) {
            builder.environment().put("DATABASE_DSN", dsn);
        }
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void migratesAConfiguredDatabaseTwice() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String dsn = "postgres://postgres@localhost:" + postgres.getPort() + "/postgres?sslmode=disable";

            Result first = launch(dsn);
            Result second = launch(dsn);

            assertThat(first.exitCode()).as(first.stderr()).isZero();
            int applied = Jdbi.create(postgres.getPostgresDatabase()).withHandle(handle -> handle
                    .createQuery("select count(*) from flyway_schema_history where success and version is not null")
                    .mapTo(Integer.class).one());
            assertThat(applied).isPositive();
            assertThat(first.stdout()).contains(applied + " migration(s) applied");
            assertThat(second.exitCode()).as(second.stderr()).isZero();
            assertThat(second.stdout()).contains("0 migration(s) applied");
            List<String> tables = Jdbi.create(postgres.getPostgresDatabase()).withHandle(handle -> handle
                    .createQuery("select tablename from pg_tables where tablename = 'request_log'").mapTo(String.class).list());
            assertThat(tables).containsExactly("request_log");
            List<String> added = Jdbi.create(postgres.getPostgresDatabase()).withHandle(handle -> handle
                    .createQuery("select column_name from information_schema.columns where table_name = 'request_log'"
                            + " and column_name = 'upstream_attempts'").mapTo(String.class).list());
            assertThat(added).as("V2's column").containsExactly("upstream_attempts");
        }
    }

    @Test
    void withoutADsnItSaysWhatIsMissing() throws Exception {
        Result result = launch(null);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("database.dsn").doesNotContain("\tat ");
    }
}
