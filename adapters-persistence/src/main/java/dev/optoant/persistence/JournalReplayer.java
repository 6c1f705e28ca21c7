package dev.optoant.persistence;

import dev.optoant.domain.log.RequestLogEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves spill-journal files back into the database, oldest first and one chunk per step, so replay shares the writer
 * thread with the live queue; a file is deleted only once all its rows are stored.
 */
final class JournalReplayer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JournalReplayer.class);

    private final SpillJournal journal;
    private final DatabaseGate gate;
    private final RequestLogWriterStats stats;
    private final int chunkSize;
    private JournalReader reader;
    private List<RequestLogEntry> chunk = List.of();

    JournalReplayer(SpillJournal journal, DatabaseGate gate, RequestLogWriterStats stats, int chunkSize) {
        this.journal = journal;
        this.gate = gate;
        this.stats = stats;
        this.chunkSize = chunkSize;
    }

    /** Whether the journal may hold something to replay. */
    boolean hasWork() {
        return reader != null || journal.mayHavePending();
    }

    /** Replays one chunk when the database is open; a chunk that fails is kept and tried again next step. */
    void step() {
        if (!gate.open()) {
            return;
        }
        try {
            if (reader == null) {
                Optional<Path> file = journal.nextToReplay();
                if (file.isEmpty()) {
                    return;
                }
                reader = journal.open(file.get());
            }
            if (chunk.isEmpty()) {
                chunk = reader.next(chunkSize);
            }
            if (chunk.isEmpty()) {
                finishFile();
                return;
            }
            int stored = gate.store(chunk);
            if (stored >= 0) {
                stats.replayed(stored);
                chunk = List.of();
            }
        } catch (IOException e) {
            stats.failed(e, false);
            LOG.warn("request log: cannot replay a journal file: {}", e.toString());
            Path file = reader == null ? null : reader.file();
            close();
            journal.setAside(file);
        }
    }

    private void finishFile() throws IOException {
        int skipped = reader.skippedLines();
        if (skipped > 0) {
            stats.skippedJournalLines(skipped);
            LOG.warn("request log: skipped {} unreadable line(s) in {} (a write torn by a crash)", skipped,
                    reader.file());
        }
        reader.close();
        journal.delete(reader.file());
        reader = null;
    }

    /** Stops mid-file: the file stays and is replayed from its start next time (inserts are idempotent). */
    @Override
    public void close() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                // only a read handle
            }
        }
        reader = null;
        chunk = List.of();
    }
}
