package dev.optoant.persistence;

import static dev.optoant.persistence.TestEntries.BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optoant.domain.log.RequestLogEntry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link PostgresRequestLogStore} itself: idempotent inserts in any batch size, and errors the writer can classify. */
class PostgresRequestLogStoreTest {
    @RegisterExtension
    static final EmbeddedPostgresExtension DB = new EmbeddedPostgresExtension();

    private final PostgresRequestLogStore store = new PostgresRequestLogStore(DB.jdbi());

    @BeforeEach
    void empty() {
        DB.truncate();
    }

    @Test
    void insertingTheSameEntriesAgainEvenInOneStatementKeepsOneRowEach() {
        List<RequestLogEntry> entries = TestEntries.many(10, BASE);

        store.insertBatch(entries);
        store.insertBatch(entries);
        store.insertBatch(List.of(entries.get(0), entries.get(0)));

        assertThat(DB.one("select count(*) from request_log", Long.class)).isEqualTo(10);
    }

    @Test
    void batchesLargerThanOneStatementAreSplit() {
        store.insertBatch(TestEntries.many(2_345, BASE));

        assertThat(DB.one("select count(*) from request_log", Long.class)).isEqualTo(2_345);
    }

    @Test
    void anInvalidRowFailsAsADataErrorAndAMissingDatabaseAsAnotherKind() {
        RequestLogEntry outOfRange = TestEntries.sparse(Instant.parse("+300000-01-01T00:00:00Z"));

        assertThatThrownBy(() -> store.insertBatch(List.of(outOfRange)))
                .isInstanceOf(RequestLogStorageException.class)
                .satisfies(e -> assertThat(DatabaseErrors.isDataError(e)).isTrue());
        DB.execute("alter table request_log rename to request_log_elsewhere");
        try {
            assertThatThrownBy(() -> store.insertBatch(TestEntries.many(1, BASE)))
                    .satisfies(e -> assertThat(DatabaseErrors.isDataError(e)).isFalse());
        } finally {
            DB.execute("alter table request_log_elsewhere rename to request_log");
        }
    }
}
