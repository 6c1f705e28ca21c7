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
    private static final int MIGRATIONS = 3;

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
                String.class)).containsExactly("request_log_errors_idx", "request_log_pkey",
                "request_log_requested_model_idx", "request_log_started_at_idx");
        assertThat(DB.one("select count(*) from information_schema.columns where table_name = 'request_log'",
                Integer.class)).isEqualTo(RequestLogRows.COLUMNS.size());
    }

    @Test
    void upstreamAttemptsReachEveryPartitionOfALogFilledUnderV1AndOldRowsKeepThemUnknown() {
        DataSource dataSource = databaseAtVersion("upgraded_from_v1", 1);
        Jdbi jdbi = Jdbi.create(dataSource);
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

    @Test
    void theErrorsIndexHoldsOnlyFailedRequestsInEveryPartitionAndServesTheErrorsFilter() {
        DataSource dataSource = databaseAtVersion("errors_index", 2);
        Jdbi jdbi = Jdbi.create(dataSource);
        LocalDate day = LocalDate.of(2026, 6, 1);
        partitions(jdbi, day).maintain();
        PostgresRequestLogStore store = new PostgresRequestLogStore(jdbi);
        RequestLogEntry ok = TestEntries.full(day.atTime(9, 0).toInstant(ZoneOffset.UTC));
        RequestLogEntry refused = TestEntries.sparse(day.atTime(9, 1).toInstant(ZoneOffset.UTC));
        RequestLogEntry failedMidStream = TestEntries.with(day.plusDays(9).atTime(9, 1).toInstant(ZoneOffset.UTC),
                "anthropic", "m", 200, "overloaded_error", 1_000L, 1L, 1L);
        store.insertBatch(List.of(ok, refused, failedMidStream));

        assertThat(RequestLogMigrations.migrate(dataSource)).isEqualTo(1);
        partitions(jdbi, day.plusDays(9)).maintain();

        // Every partition's copy of the index (daily ones made before and after the upgrade, the default one) is partial.
        List<String> definitions = jdbi.withHandle(h -> h.createQuery("select pg_get_indexdef(inhrelid)"
                + " from pg_inherits where inhparent = 'request_log_errors_idx'::regclass").mapTo(String.class).list());
        assertThat(definitions).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(d -> assertThat(d).endsWith("WHERE ((status >= 400) OR (error_type IS NOT NULL))"));
        int apiOrStatusIndexes = jdbi.withHandle(h -> h.createQuery("select count(*) from pg_indexes where tablename"
                + " like 'request_log%' and (indexname like '%api%' or indexname like '%status%')")
                .mapTo(Integer.class).one());
        assertThat(apiOrStatusIndexes).isZero();

        // The planner can use it for the admin list's errors filter: it proves the filter implies the predicate.
        List<String> planLines = jdbi.withHandle(h -> {
            h.execute("set enable_seqscan = off");
            h.execute("set enable_bitmapscan = off");
            return h.createQuery("explain select * from request_log where (status >= 400 or error_type is not null)"
                    + " order by started_at desc, id desc limit 10").mapTo(String.class).list();
        });
        String plan = String.join("\n", planLines);
        List<String> copies = jdbi.withHandle(h -> h.createQuery("select inhrelid::regclass::text from pg_inherits"
                + " where inhparent = 'request_log_errors_idx'::regclass").mapTo(String.class).list());
        assertThat(copies).allSatisfy(copy -> assertThat(plan).contains("Index Scan using " + copy));
        assertThat(store.find(new RequestLogFilter(null, null, null, null, null, true, null, 10)))
                .extracting(RequestLogEntry::id).containsExactly(failedMidStream.id(), refused.id());
    }

    /** A new database with the request-log schema as the migrations up to {@code version} leave it. */
    private static DataSource databaseAtVersion(String name, int version) {
        DB.execute("create database " + name);
        DataSource dataSource = DB.dataSource(name);
        Flyway.configure().dataSource(dataSource).locations(RequestLogMigrations.LOCATION)
                .target(String.valueOf(version)).load().migrate();
        return dataSource;
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
