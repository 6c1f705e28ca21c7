package dev.optoant.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optoant.domain.log.RequestLogEntry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link RequestLogPartitions}: daily partitions ahead, whole days dropped after retention, default rows kept. */
class RequestLogPartitionsTest {
    @RegisterExtension
    static final EmbeddedPostgresExtension DB = new EmbeddedPostgresExtension();
    private static final LocalDate DAY = LocalDate.of(2026, 5, 10);

    private final PostgresRequestLogStore store = new PostgresRequestLogStore(DB.jdbi());

    @BeforeEach
    void noPartitionsNoRows() {
        for (LocalDate day : partitions(DAY, 0, 0).partitionDays()) {
            DB.execute("drop table " + RequestLogPartitions.tableName(day));
        }
        DB.truncate();
    }

    private static RequestLogPartitions partitions(LocalDate today, int daysAhead, int retentionDays) {
        Clock clock = Clock.fixed(today.atTime(13, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        return new RequestLogPartitions(DB.jdbi(), clock, daysAhead, retentionDays);
    }

    @Test
    void createsTodayAndTheDaysAheadOnceAndRowsLandInThem() {
        RequestLogPartitions.Maintenance first = partitions(DAY, 3, 30).maintain();
        RequestLogPartitions.Maintenance second = partitions(DAY, 3, 30).maintain();

        assertThat(first.created()).containsExactly(DAY, DAY.plusDays(1), DAY.plusDays(2), DAY.plusDays(3));
        assertThat(second.created()).isEmpty();
        assertThat(second.dropped()).isEmpty();
        store.insertBatch(List.of(entryOn(DAY.plusDays(2)), TestEntries.full(DAY.plusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC))));
        assertThat(partitionOfEveryRow()).containsOnly("request_log_p20260512");
    }

    @Test
    void retentionDropsWholeOldDaysAndKeepsRecentRowsAndDefaultRows() {
        partitions(DAY.minusDays(10), 10, 0).maintain();
        RequestLogEntry tenDaysAgo = entryOn(DAY.minusDays(10));
        RequestLogEntry weekAgo = entryOn(DAY.minusDays(7));
        RequestLogEntry today = entryOn(DAY);
        RequestLogEntry beforeAnyPartition = entryOn(DAY.minusDays(40));
        store.insertBatch(List.of(tenDaysAgo, weekAgo, today, beforeAnyPartition));

        RequestLogPartitions.Maintenance maintenance = partitions(DAY, 1, 7).maintain();

        assertThat(maintenance.dropped()).containsExactly(DAY.minusDays(10), DAY.minusDays(9), DAY.minusDays(8));
        assertThat(partitions(DAY, 1, 7).partitionDays()).first().isEqualTo(DAY.minusDays(7));
        assertThat(ids()).containsExactlyInAnyOrder(weekAgo.id().toString(), today.id().toString(),
                beforeAnyPartition.id().toString());
        assertThat(partitionOfEveryRow()).contains("request_log_default");
    }

    @Test
    void retentionZeroKeepsEveryDay() {
        partitions(DAY.minusDays(400), 0, 0).maintain();
        store.insertBatch(List.of(entryOn(DAY.minusDays(400))));

        assertThat(partitions(DAY, 0, 0).maintain().dropped()).isEmpty();
        assertThat(DB.one("select count(*) from request_log", Long.class)).isEqualTo(1);
    }

    @Test
    void rowsInTheDefaultPartitionMoveIntoTheirDayWhenItIsCreated() {
        RequestLogEntry early = entryOn(DAY.plusDays(20));
        RequestLogEntry other = entryOn(DAY.minusDays(2));
        store.insertBatch(List.of(early, other));
        assertThat(partitionOfEveryRow()).containsOnly("request_log_default");

        RequestLogPartitions.Maintenance maintenance = partitions(DAY, 1, 7).maintain();

        assertThat(maintenance.created()).containsExactly(DAY.minusDays(2), DAY, DAY.plusDays(1), DAY.plusDays(20));
        assertThat(partitionOfEveryRow()).containsExactlyInAnyOrder("request_log_p20260508", "request_log_p20260530");
        assertThat(store.find(RequestLogStoreContract.filter(null, null, null, null, null, false, null, 10)))
                .containsExactlyInAnyOrder(early, other);
        assertThat(DB.list("select indexname from pg_indexes where tablename = 'request_log_p20260530'",
                String.class)).hasSize(4);
    }

    private static RequestLogEntry entryOn(LocalDate day) {
        Instant at = day.atTime(12, 34, 56).toInstant(ZoneOffset.UTC);
        return TestEntries.full(at);
    }

    private static List<String> partitionOfEveryRow() {
        return DB.list("select tableoid::regclass::text from request_log", String.class);
    }

    private static List<String> ids() {
        return DB.list("select id::text from request_log", String.class);
    }
}
