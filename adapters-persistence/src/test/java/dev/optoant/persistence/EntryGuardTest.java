package dev.optoant.persistence;

import static dev.optoant.persistence.TestEntries.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.optoant.domain.log.RequestLogEntry;
import org.junit.jupiter.api.Test;

/** {@link EntryGuard}: what the writer changes before storing, so that the database takes every entry. */
class EntryGuardTest {

    @Test
    void anEntryThatFitsIsUnchanged() {
        RequestLogEntry entry = TestEntries.full(BASE);

        assertThat(new EntryGuard(true, 1 << 20).apply(entry)).isEqualTo(entry);
    }

    @Test
    void startTimeIsCutToMicroseconds() {
        RequestLogEntry entry = TestEntries.sparse(BASE);
        RequestLogEntry withNanos = new EntryGuard(true, 10).apply(new RequestLogEntry(entry.id(),
                BASE.plusNanos(999), entry.api(), entry.method(), entry.path(), null, null, false, 200, null, null, 1,
                null, null, null, null, null, null, null, null, null, null, null));

        assertThat(withNanos.startedAt()).isEqualTo(BASE);
    }

    @Test
    void bodiesAreCutWithoutSplittingASurrogatePair() {
        assertThat(EntryGuard.text("ab\uD83D\uDE80cd", 3)).isEqualTo("ab");
        assertThat(EntryGuard.text("ab\uD83D\uDE80cd", 4)).isEqualTo("ab\uD83D\uDE80");
        assertThat(EntryGuard.text("abc", 0)).isEmpty();
    }

    @Test
    void nulCharactersWhichPostgresTextRejectsAreReplaced() {
        assertThat(EntryGuard.text("a\u0000b", 100)).isEqualTo("a\uFFFDb");
    }

    @Test
    void indexedShortFieldsAreCappedBelowTheIndexRowLimit() {
        RequestLogEntry e = TestEntries.sparse(BASE);
        RequestLogEntry huge = new RequestLogEntry(e.id(), e.startedAt(), e.api(), e.method(), e.path(),
                "m".repeat(10_000), null, false, 200, null, null, 1, null, null, null, null, null, null, null, null,
                null, null, null);

        assertThat(new EntryGuard(false, 0).apply(huge).requestedModel()).hasSize(EntryGuard.MAX_SHORT_CHARS);
    }
}
