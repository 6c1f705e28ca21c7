package dev.optoant.persistence;

import static dev.optoant.persistence.TestEntries.BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optoant.domain.log.RequestLogEntry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.postgresql.core.BaseConnection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link PostgresRequestLogStore} itself: idempotent inserts in any batch size, values kept exactly through the array
 * parameters, and errors the writer can classify.
 */
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
    void aBatchMixingStoredAndNewRowsStoresTheNewOnesOnce() {
        List<RequestLogEntry> entries = TestEntries.many(10, BASE);
        store.insertBatch(entries.subList(0, 4));

        store.insertBatch(entries);
        store.insertBatch(List.of(entries.get(9), TestEntries.full(BASE.plusSeconds(60)), entries.get(2)));

        assertThat(DB.one("select count(*) from request_log", Long.class)).isEqualTo(11);
        assertThat(DB.one("select count(distinct id) from request_log", Long.class)).isEqualTo(11);
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

    @Test
    void textsThatLookLikeArraySyntaxAreStoredAsTheyAre() {
        List<String> texts = List.of("NULL", "", "  padded  ", "{a,b}", "a,b", "\"quoted\" \\ back\\slash", "{}",
                "null", "ARRAY[1]", "line\nbreak\ttab", "ünïcödé ✓ 雨 🙂", "\\.", "\r\n");
        List<RequestLogEntry> entries = texts.stream().map(t -> new RequestLogEntry(TestEntries.idAt(BASE), BASE, t, t,
                t, t, t, false, 200, t, t, 1L, null, 2, null, null, null, null, t, t, t, t, t)).toList();

        store.insertBatch(entries);

        assertThat(storedRows()).containsExactlyInAnyOrderElementsOf(entries);
    }

    @Test
    void startTimesFarFromTodayAndBetweenMicrosecondsAreStoredAsTheDriverStoredThem() throws SQLException {
        List<Instant> instants = List.of(Instant.parse("-0100-01-01T00:00:00.000001Z"),
                Instant.parse("0000-12-31T23:59:59.999999Z"), Instant.parse("0001-01-01T00:00:00Z"),
                Instant.parse("1970-01-01T00:00:00.5Z"), Instant.parse("+12345-06-30T12:34:56.789012Z"),
                Instant.parse("2026-03-14T09:26:53.589793499Z"), Instant.parse("2026-03-14T09:26:53.589793500Z"),
                Instant.parse("2026-12-31T23:59:59.999999999Z"));
        try (Connection connection = DB.dataSource().getConnection()) {
            @SuppressWarnings("deprecation")
            var driver = connection.unwrap(BaseConnection.class).getTimestampUtils();
            for (Instant instant : instants) {
                assertThat(TimestamptzText.of(instant)).as("%s", instant)
                        .isEqualTo(driver.toString(OffsetDateTime.ofInstant(instant, ZoneOffset.UTC)));
            }
        }
        List<RequestLogEntry> entries = instants.stream().map(at -> new RequestLogEntry(TestEntries.idAt(at), at,
                "openai", "GET", "/v1/models", null, null, false, 200, null, null, 1L, null, 1, null, null, null, null,
                null, null, null, null, null)).toList();

        store.insertBatch(entries);

        assertThat(storedRows()).extracting(RequestLogEntry::startedAt).containsExactly(Instant.parse("-0100-01-01T00:00:00.000001Z"),
                        Instant.parse("0000-12-31T23:59:59.999999Z"), Instant.parse("0001-01-01T00:00:00Z"),
                        Instant.parse("1970-01-01T00:00:00.5Z"), Instant.parse("2026-03-14T09:26:53.589793Z"),
                        Instant.parse("2026-03-14T09:26:53.589794Z"), Instant.parse("2027-01-01T00:00:00Z"),
                        Instant.parse("+12345-06-30T12:34:56.789012Z"));
    }

    @Test
    void valuesTheirColumnCannotHoldAreRefusedAsDataErrorsWhetherTheServerOrTheEncoderFindsThem() {
        RequestLogEntry beforeTimestamps = TestEntries.sparse(Instant.parse("-5000-01-01T00:00:00Z"));
        RequestLogEntry beyondALong = TestEntries.sparse(Instant.parse("+300000-01-01T00:00:00Z"));
        RequestLogEntry full = TestEntries.full(BASE);
        RequestLogEntry tooManyAttempts = new RequestLogEntry(full.id(), full.startedAt(), full.api(), full.method(),
                full.path(), full.requestedModel(), full.upstreamModel(), full.streaming(), full.status(),
                full.errorType(), full.errorMessage(), full.latencyMicros(), full.firstByteMicros(), 40_000,
                full.inputTokens(), full.outputTokens(), full.cachedTokens(), full.reasoningTokens(),
                full.clientAddress(), full.userAgent(), full.apiKeyFingerprint(), full.requestBody(),
                full.responseBody());

        for (RequestLogEntry refused : List.of(beforeTimestamps, beyondALong, tooManyAttempts)) {
            assertThatThrownBy(() -> store.insertBatch(List.of(TestEntries.full(BASE.plusSeconds(1)), refused)))
                    .as("%s", refused)
                    .isInstanceOf(RequestLogStorageException.class)
                    .satisfies(e -> assertThat(DatabaseErrors.isDataError(e)).isTrue());
        }
        assertThat(DB.one("select count(*) from request_log", Long.class)).isZero();
    }

    @Test
    void insideATransactionStoredRowsAreSkippedWithoutAbortingIt() throws SQLException {
        List<RequestLogEntry> entries = TestEntries.many(6, BASE);
        store.insertBatch(entries.subList(0, 3));
        try (Connection connection = DB.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            CopyInsert.insert(connection, entries);
            CopyInsert.insert(connection, List.of(TestEntries.full(BASE.plusSeconds(60))));
            connection.commit();
        }

        assertThat(DB.one("select count(*) from request_log", Long.class)).isEqualTo(7);
    }

    @Test
    void aCopyThatLosesItsConnectionClosesItSoAPoolCannotLendItAgain() throws SQLException {
        try (Connection connection = DB.dataSource().getConnection()) {
            int backend = DB.jdbi().withHandle(h -> h.createQuery("select pg_backend_pid()").mapTo(Integer.class).one());
            try (var statement = connection.createStatement(); var rs = statement.executeQuery("select pg_backend_pid()")) {
                rs.next();
                int pid = rs.getInt(1);
                DB.execute("select pg_terminate_backend(" + pid + ")");
                assertThat(pid).isNotEqualTo(backend);
            }

            assertThatThrownBy(() -> CopyInsert.insert(connection, TestEntries.many(3, BASE)))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(DatabaseErrors.isDataError(e)).isFalse());
            assertThat(connection.isClosed()).isTrue();
        }
        store.insertBatch(TestEntries.many(3, BASE));
        assertThat(DB.one("select count(*) from request_log", Long.class)).isEqualTo(3);
    }

    private static List<RequestLogEntry> storedRows() {
        return DB.jdbi().withHandle(h -> h.createQuery("select * from request_log order by started_at")
                .map((rs, ctx) -> RequestLogRows.read(rs)).list());
    }
}
