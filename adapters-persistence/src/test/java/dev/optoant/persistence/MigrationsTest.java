package dev.optoant.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optoant.domain.log.RequestLogEntry;
import dev.optoant.domain.log.RequestLogFilter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link RequestLogMigrations}: the schema is created once, running again changes nothing, and upgrades keep rows. */
class MigrationsTest {
    @RegisterExtension
    static final EmbeddedPostgresExtension DB = new EmbeddedPostgresExtension();
    private static final int MIGRATIONS = 2;

    @Test
    void runningAgainIsANoOp() {
        assertThat(RequestLogMigrations.migrate(DB.dataSource())).isZero();
        assertThat(RequestLogMigrations.migrate(DB.dataSource())).isZero();

        assertThat(DB.one("select count(*) from flyway_schema_history where success", Integer.class))
                .isEqualTo(MIGRATIONS);
    }

    @Test
    void theTableIsRangePartitionedWithADefaultPartitionAndTheAdminIndexes() {
        assertThat(DB.one("select partstrat from pg_partitioned_table where partrelid = 'request_log'::regclass",
                String.class)).isEqualTo("r");
        assertThat(DB.one("select count(*) from pg_inherits where inhparent = 'request_log'::regclass"
                + " and inhrelid = 'request_log_default'::regclass", Integer.class)).isEqualTo(1);
        assertThat(DB.list("select indexname from pg_indexes where tablename = 'request_log' order by indexname",
                String.class)).containsExactly("request_log_api_idx", "request_log_pkey",
                "request_log_requested_model_idx", "request_log_started_at_idx", "request_log_status_idx");
        assertThat(DB.one("select count(*) from information_schema.columns where table_name = 'request_log'",
                Integer.class)).isEqualTo(RequestLogRows.COLUMNS.size());
    }

    @Test
    void upstreamAttemptsReachEveryPartitionOfALogFilledUnderV1AndOldRowsKeepThemUnknown() {
        DB.execute("create database upgraded_from_v1");
        DataSource dataSource = DB.dataSource("upgraded_from_v1");
        Jdbi jdbi = Jdbi.create(dataSource);
        Flyway.configure().dataSource(dataSource).locations(RequestLogMigrations.LOCATION).target("1").load()
                .migrate();
        LocalDate day = LocalDate.of(2026, 5, 10);
        partitions(jdbi, day).maintain();
        UUID inDailyPartition = insertV1Row(jdbi, day);
        UUID inDefaultPartition = insertV1Row(jdbi, day.plusDays(5));

        assertThat(RequestLogMigrations.migrate(dataSource)).isEqualTo(MIGRATIONS - 1);

        PostgresRequestLogStore store = new PostgresRequestLogStore(jdbi);
        RequestLogEntry newInDaily = TestEntries.full(day.atTime(13, 0).toInstant(ZoneOffset.UTC));
        RequestLogEntry newInDefault = TestEntries.full(day.plusDays(5).atTime(13, 0).toInstant(ZoneOffset.UTC));
        store.insertBatch(List.of(newInDaily, newInDefault));
        // A daily partition made after the upgrade takes the default partition's rows, old and new.
        assertThat(partitions(jdbi, day.plusDays(5)).maintain().created()).contains(day.plusDays(5));

        Map<UUID, Integer> attempts = new HashMap<>();
        store.find(new RequestLogFilter(null, null, null, null, null, false, null, 100))
                .forEach(e -> attempts.put(e.id(), e.upstreamAttempts()));
        assertThat(attempts).hasSize(4)
                .containsEntry(inDailyPartition, null)
                .containsEntry(inDefaultPartition, null)
                .containsEntry(newInDaily.id(), newInDaily.upstreamAttempts())
                .containsEntry(newInDefault.id(), newInDefault.upstreamAttempts());
        assertThat(newInDaily.upstreamAttempts()).isNotNull();
        List<String> partitionOfEveryRow = jdbi.withHandle(h -> h.createQuery(
                "select tableoid::regclass::text from request_log").mapTo(String.class).list());
        assertThat(partitionOfEveryRow).containsOnly("request_log_p20260510", "request_log_p20260515");
    }

    private static RequestLogPartitions partitions(Jdbi jdbi, LocalDate today) {
        Clock clock = Clock.fixed(today.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        return new RequestLogPartitions(jdbi, clock, 1, 0);
    }

    /** A row with the columns V1 had, as the gateway wrote them before V2. */
    private static UUID insertV1Row(Jdbi jdbi, LocalDate day) {
        Instant at = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
        UUID id = TestEntries.idAt(at);
        jdbi.useHandle(h -> h.createUpdate("insert into request_log (id, started_at, api, method, path, streaming,"
                        + " status, latency_us) values (:id, :at, 'openai', 'GET', '/v1/models', false, 200, 1000)")
                .bind("id", id)
                .bind("at", RequestLogRows.timestamptz(at))
                .execute());
        return id;
    }
}
