package dev.optoant.persistence;

import static dev.optoant.persistence.TestEntries.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.optoant.domain.log.RequestLogEntry;
import dev.optoant.domain.log.RequestLogFilter;
import dev.optoant.domain.log.RequestLogReader;
import dev.optoant.domain.log.RequestLogStore;
import dev.optoant.domain.log.RequestLogUsageReader;
import dev.optoant.domain.log.UsageSummary;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.Test;

/**
 * The request-log port's contract: what {@link RequestLogStore#record} takes, {@link RequestLogReader#find} and the
 * usage summary give back, exactly once, in the same order, under the same filters, whatever the implementation.
 */
abstract class RequestLogStoreContract {
    protected abstract RequestLogStore store();

    protected abstract RequestLogReader reader();

    protected abstract RequestLogUsageReader usage();

    @Test
    void everyRecordedEntryIsEventuallyFoundExactlyOnceEvenWhenRecordedTwiceFromManyThreads() throws Exception {
        List<RequestLogEntry> entries = TestEntries.many(3_000, BASE);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < 6; t++) {
                int offset = t;
                threads.submit(() -> {
                    for (int i = offset; i < entries.size(); i += 6) {
                        store().record(entries.get(i));
                    }
                });
            }
            threads.submit(() -> entries.subList(0, 300).forEach(store()::record));
        }

        List<RequestLogEntry> found = awaitAll(entries.size());

        assertThat(found).hasSize(entries.size()).containsExactlyInAnyOrderElementsOf(entries);
    }

    @Test
    void everyFieldRoundTripsExactlyIncludingNullsAndUnicode() {
        RequestLogEntry full = TestEntries.full(BASE);
        RequestLogEntry sparse = TestEntries.sparse(BASE.plusSeconds(1));

        recordAll(List.of(full, sparse));

        assertThat(all()).containsExactly(sparse, full);
    }

    @Test
    void upstreamAttemptsKeepZeroForNeverCalledApartFromNullForUncounted() {
        RequestLogEntry retried = withAttempts(TestEntries.full(BASE), 10);
        RequestLogEntry neverCalled = withAttempts(TestEntries.sparse(BASE.plusSeconds(1)), 0);
        RequestLogEntry uncounted = withAttempts(TestEntries.sparse(BASE.plusSeconds(2)), null);

        recordAll(List.of(retried, neverCalled, uncounted));

        assertThat(all()).extracting(RequestLogEntry::upstreamAttempts).containsExactly(null, 0, 10);
        assertThat(all()).containsExactly(uncounted, neverCalled, retried);
    }

    @Test
    void newestFirstWithEqualStartTimesOrderedByIdAsUnsignedBytes() {
        Instant at = BASE.plusSeconds(5);
        RequestLogEntry low = withId(TestEntries.sparse(at), new UUID(0x0000_0000_0000_7000L, 0x8000_0000_0000_0001L));
        RequestLogEntry high = withId(TestEntries.sparse(at), new UUID(0xFFFF_0000_0000_7000L, 0x8000_0000_0000_0001L));
        RequestLogEntry older = TestEntries.full(at.minusNanos(1_000));

        recordAll(List.of(low, older, high));

        assertThat(all()).containsExactly(high, low, older);
    }

    @Test
    void keysetPagesDoNotOverlapAndCoverEverythingNewestFirst() {
        List<RequestLogEntry> entries = new ArrayList<>(TestEntries.many(250, BASE));
        for (int i = 0; i < 20; i++) {
            entries.add(TestEntries.sparse(BASE.plusMillis(100)));
        }
        recordAll(entries);

        List<RequestLogEntry> paged = new ArrayList<>();
        List<RequestLogEntry> page = find(filter(null, null, null, null, null, false, null, 7));
        while (!page.isEmpty()) {
            assertThat(page).hasSizeLessThanOrEqualTo(7);
            paged.addAll(page);
            page = find(filter(null, null, null, null, null, false, page.getLast().id(), 7));
        }

        assertThat(new HashSet<>(paged)).hasSameSizeAs(paged);
        assertThat(paged).isEqualTo(entries.stream().sorted(RequestLogQuery.NEWEST_FIRST).toList());
    }

    @Test
    void filtersSelectByTimeApiModelStatusAndErrors() {
        List<RequestLogEntry> entries = new ArrayList<>(TestEntries.many(120, BASE));
        RequestLogEntry disconnected = TestEntries.with(BASE.plusMillis(500), "openai", "model-1", 200,
                "client_disconnected", 10, null, null);
        entries.add(disconnected);
        recordAll(entries);
        Instant from = BASE.plusMillis(10);
        Instant to = BASE.plusMillis(20);

        assertFinds(filter(from, to, null, null, null, false, null, 100),
                e -> !e.startedAt().isBefore(from) && e.startedAt().isBefore(to), entries);
        assertFinds(filter(null, null, "anthropic", null, null, false, null, 1000), e -> e.api().equals("anthropic"),
                entries);
        assertFinds(filter(null, null, null, "model-2", null, false, null, 1000),
                e -> e.requestedModel().equals("model-2"), entries);
        assertFinds(filter(null, null, null, null, 500, false, null, 1000), e -> e.status() == 500, entries);
        assertFinds(filter(null, null, null, null, null, true, null, 1000),
                e -> e.status() >= 400 || e.errorType() != null, entries);
        assertThat(find(filter(null, null, null, null, null, true, null, 1000))).contains(disconnected);
        assertFinds(filter(from, null, "openai", "model-0", 500, true, null, 1000),
                e -> !e.startedAt().isBefore(from) && e.api().equals("openai") && e.requestedModel().equals("model-0")
                        && e.status() == 500, entries);
    }

    @Test
    void filtersAndKeysetPaginationCombine() {
        List<RequestLogEntry> entries = TestEntries.many(200, BASE);
        recordAll(entries);

        List<RequestLogEntry> paged = new ArrayList<>();
        UUID cursor = null;
        do {
            List<RequestLogEntry> page = find(filter(null, null, "openai", null, null, false, cursor, 9));
            paged.addAll(page);
            cursor = page.size() < 9 ? null : page.getLast().id();
        } while (cursor != null);

        assertThat(paged).isEqualTo(entries.stream().filter(e -> e.api().equals("openai"))
                .sorted(RequestLogQuery.NEWEST_FIRST).toList());
    }

    @Test
    void theLimitIsCappedAtOneThousandAndZeroFindsNothing() {
        recordAll(TestEntries.many(1_100, BASE));

        assertThat(find(filter(null, null, null, null, null, false, null, 5_000))).hasSize(1_000);
        assertThat(find(filter(null, null, null, null, null, false, null, 0))).isEmpty();
    }

    @Test
    void aCursorWhoseRowIsGoneStandsAtTheTimeInItsId() {
        List<RequestLogEntry> entries = TestEntries.many(30, BASE);
        recordAll(entries);
        UUID gone = TestEntries.idAt(BASE.plusMillis(10));

        List<RequestLogEntry> page = find(filter(null, null, null, null, null, false, gone, 100));

        assertThat(page).allMatch(e -> !e.startedAt().isAfter(BASE.plusMillis(10)))
                .contains(entries.get(9), entries.get(0)).doesNotContain(entries.get(11));
    }

    @Test
    void usageSummarisesByDayAndModelWithInterpolatedPercentiles() {
        List<RequestLogEntry> entries = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            entries.add(TestEntries.with(BASE.plusMillis(i), "openai", "m1", i % 25 == 0 ? 429 : 200, null, i,
                    i % 2 == 0 ? 10L : null, 3L));
        }
        entries.add(TestEntries.with(BASE.plusSeconds(1), "openai", null, 200, "client_disconnected", 7, 5L, null));
        entries.add(TestEntries.with(BASE.plusSeconds(86_400), "anthropic", "m1", 200, null, 42, 1L, 1L));
        entries.add(TestEntries.with(BASE.minusSeconds(86_400), "anthropic", "m1", 200, null, 1, 1L, 1L));
        recordAll(entries);
        LocalDate day = LocalDate.of(2026, 3, 14);

        List<UsageSummary> summary = usage().usage(BASE.minusSeconds(3_600), BASE.plusSeconds(2 * 86_400));

        assertThat(summary).usingRecursiveFieldByFieldElementComparator(RecursiveComparisonConfiguration.builder()
                        .withComparatorForType((a, b) -> Math.abs(a - b) < 1e-9 ? 0 : Double.compare(a, b), Double.class)
                        .build())
                .containsExactly(
                new UsageSummary(day, "m1", 100, 4, 500, 300, 50.5, 95.05, 99.01),
                new UsageSummary(day, null, 1, 1, 5, 0, 7, 7, 7),
                new UsageSummary(day.plusDays(1), "m1", 1, 0, 1, 1, 42, 42, 42));
        assertThat(usage().usage(null, null)).hasSize(4);
    }

    /** Records the entries and waits until the reader finds them all. */
    protected void recordAll(Collection<RequestLogEntry> entries) {
        entries.forEach(store()::record);
        awaitAll(new HashSet<>(entries).size());
    }

    private List<RequestLogEntry> awaitAll(int expected) {
        Poll.until(expected + " entries found", () -> all().size() >= expected);
        return all();
    }

    /** Everything the reader has, page by page. */
    protected List<RequestLogEntry> all() {
        List<RequestLogEntry> all = new ArrayList<>();
        List<RequestLogEntry> page = find(filter(null, null, null, null, null, false, null, 1000));
        while (!page.isEmpty()) {
            all.addAll(page);
            page = find(filter(null, null, null, null, null, false, page.getLast().id(), 1000));
        }
        return all;
    }

    private List<RequestLogEntry> find(RequestLogFilter filter) {
        return reader().find(filter);
    }

    private void assertFinds(RequestLogFilter filter, Predicate<RequestLogEntry> expected,
            List<RequestLogEntry> entries) {
        List<RequestLogEntry> want = entries.stream().filter(expected).sorted(RequestLogQuery.NEWEST_FIRST).toList();
        assertThat(want).isNotEmpty();
        assertThat(find(filter)).isEqualTo(want);
    }

    static RequestLogFilter filter(Instant from, Instant to, String api, String model, Integer status,
            boolean errorsOnly, UUID before, int limit) {
        return new RequestLogFilter(from, to, api, model, status, errorsOnly, before, limit);
    }

    private static RequestLogEntry withAttempts(RequestLogEntry e, Integer attempts) {
        return new RequestLogEntry(e.id(), e.startedAt(), e.api(), e.method(), e.path(), e.requestedModel(),
                e.upstreamModel(), e.streaming(), e.status(), e.errorType(), e.errorMessage(), e.latencyMicros(),
                e.firstByteMicros(), attempts, e.inputTokens(), e.outputTokens(), e.cachedTokens(),
                e.reasoningTokens(), e.clientAddress(), e.userAgent(), e.apiKeyFingerprint(), e.requestBody(),
                e.responseBody());
    }

    private static RequestLogEntry withId(RequestLogEntry e, UUID id) {
        return new RequestLogEntry(id, e.startedAt(), e.api(), e.method(), e.path(), e.requestedModel(),
                e.upstreamModel(), e.streaming(), e.status(), e.errorType(), e.errorMessage(), e.latencyMicros(),
                e.firstByteMicros(), e.upstreamAttempts(), e.inputTokens(), e.outputTokens(), e.cachedTokens(),
                e.reasoningTokens(), e.clientAddress(), e.userAgent(), e.apiKeyFingerprint(), e.requestBody(), e.responseBody());
    }
}
