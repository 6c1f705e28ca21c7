package dev.optoant.persistence;

import static dev.optoant.persistence.TestEntries.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.optoant.domain.log.RequestLogEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SpillJournal}: JSON lines, rotated by size, handed out oldest first, entries kept exactly. */
class SpillJournalTest {
    @TempDir
    Path directory;

    @Test
    void entriesComeBackExactlyInOrderAcrossRotatedFiles() throws IOException {
        SpillJournal journal = new SpillJournal(directory, 2_048);
        List<RequestLogEntry> entries = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            RequestLogEntry entry = i % 2 == 0 ? TestEntries.full(BASE.plusMillis(i)) : TestEntries.sparse(BASE);
            entries.add(entry);
            journal.append(List.of(entry));
        }

        assertThat(journal.pendingFiles()).hasSizeGreaterThan(3);
        List<RequestLogEntry> read = new ArrayList<>();
        Optional<Path> file;
        while ((file = journal.nextToReplay()).isPresent()) {
            try (JournalReader reader = journal.open(file.get())) {
                List<RequestLogEntry> chunk;
                while (!(chunk = reader.next(4)).isEmpty()) {
                    read.addAll(chunk);
                }
                assertThat(reader.skippedLines()).isZero();
            }
            journal.delete(file.get());
        }

        assertThat(read).isEqualTo(entries);
        assertThat(journal.pendingFiles()).isEmpty();
    }

    @Test
    void theFileBeingWrittenIsSealedBeforeItIsReplayedAndLaterAppendsGoToANewFile() throws IOException {
        SpillJournal journal = new SpillJournal(directory, 1 << 20);
        journal.append(List.of(TestEntries.sparse(BASE)));

        Path first = journal.nextToReplay().orElseThrow();
        journal.append(List.of(TestEntries.sparse(BASE)));

        assertThat(journal.pendingFiles()).hasSize(2).first().isEqualTo(first);
        assertThat(Files.readAllLines(first)).hasSize(1);
    }

    @Test
    void aLineWrittenBeforeUpstreamAttemptsWereCountedReplaysWithThemUnknown() throws IOException {
        String oldLine = "{\"id\":\"019ce37a-3c35-7abc-8def-0123456789ab\","
                + "\"startedAt\":\"2026-03-14T09:26:53.589793Z\","
                + "\"api\":\"openai\",\"method\":\"POST\",\"path\":\"/v1/chat/completions\","
                + "\"requestedModel\":\"gpt-4o\",\"upstreamModel\":\"gpt-4o\",\"streaming\":false,\"status\":200,"
                + "\"errorType\":null,\"errorMessage\":null,\"latencyMicros\":1234,\"firstByteMicros\":567,"
                + "\"inputTokens\":10,\"outputTokens\":20,\"cachedTokens\":null,\"reasoningTokens\":null,"
                + "\"clientAddress\":\"127.0.0.1\",\"userAgent\":\"test\",\"apiKeyFingerprint\":null,"
                + "\"requestBody\":null,\"responseBody\":null}\n";
        Files.writeString(directory.resolve("spill-0000000000001-000001.jsonl"), oldLine);
        SpillJournal journal = new SpillJournal(directory, 1 << 20);

        try (JournalReader reader = journal.open(journal.nextToReplay().orElseThrow())) {
            assertThat(reader.next(10)).containsExactly(new RequestLogEntry(
                    UUID.fromString("019ce37a-3c35-7abc-8def-0123456789ab"),
                    Instant.parse("2026-03-14T09:26:53.589793Z"), "openai", "POST", "/v1/chat/completions", "gpt-4o",
                    "gpt-4o", false, 200, null, null, 1234, 567L, null, 10L, 20L, null, null, "127.0.0.1", "test",
                    null, null, null));
            assertThat(reader.skippedLines()).isZero();
        }
    }

    @Test
    void anEmptyJournalHasNothingToReplay() throws IOException {
        SpillJournal journal = new SpillJournal(directory.resolve("new/dir"), 1 << 20);

        assertThat(journal.nextToReplay()).isEmpty();
        assertThat(journal.mayHavePending()).isFalse();
    }
}
