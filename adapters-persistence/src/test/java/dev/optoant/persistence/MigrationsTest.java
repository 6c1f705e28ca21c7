package dev.optoant.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link RequestLogMigrations}: the schema is created once and running again changes nothing. */
class MigrationsTest {
    @RegisterExtension
    static final EmbeddedPostgresExtension DB = new EmbeddedPostgresExtension();

    @Test
    void runningAgainIsANoOp() {
        assertThat(RequestLogMigrations.migrate(DB.dataSource())).isZero();
        assertThat(RequestLogMigrations.migrate(DB.dataSource())).isZero();

        assertThat(DB.one("select count(*) from flyway_schema_history where success", Integer.class)).isEqualTo(1);
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
}
