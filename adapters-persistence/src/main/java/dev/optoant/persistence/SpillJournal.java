package dev.optoant.persistence;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.optoant.domain.log.RequestLogEntry;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * Append-only JSON-lines files of request-log entries the database could not take yet, rotated by size and replayed
 * oldest first. Appends reach the operating system at once but are not fsynced (a killed process loses nothing, a
 * power cut may lose the last seconds); a file is fsynced when it is sealed. Entries the database refused as
 * invalid go to {@code rejected-*.jsonl} files, kept for an operator and never replayed.
 */
public final class SpillJournal implements AutoCloseable {
    static final String SPILL_PREFIX = "spill-";
    static final String REJECTED_PREFIX = "rejected-";
    static final String SUFFIX = ".jsonl";
    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Path directory;
    private final long maxFileBytes;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong sequence = new AtomicLong();
    private FileOutputStream active;
    private Path activePath;
    private long activeBytes;
    private volatile boolean maybePending = true;

    /** Opens (and creates) the directory; files left there by an earlier run are replayed. */
    public SpillJournal(Path directory, long maxFileBytes) {
        this.directory = directory;
        this.maxFileBytes = maxFileBytes;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the request-log journal directory " + directory, e);
        }
    }

    /** Appends the entries in one write, one JSON object a line, rotating to a new file when this one is full. */
    public void append(List<RequestLogEntry> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(entries.size() * 512);
        for (RequestLogEntry entry : entries) {
            JSON.writeValue(bytes, entry);
            bytes.write('\n');
        }
        lock.lock();
        try {
            if (active == null || activeBytes >= maxFileBytes) {
                seal();
                activePath = newFile();
                active = new FileOutputStream(activePath.toFile(), true);
                activeBytes = 0;
            }
            try {
                bytes.writeTo(active);
            } catch (IOException e) {
                // A part-written line must not be glued to the next append: start a new file next time.
                closeQuietly();
                throw e;
            }
            activeBytes += bytes.size();
            maybePending = true;
        } finally {
            lock.unlock();
        }
    }

    /** Keeps an entry the database refused, with the reason, in the day's rejected file; it is never replayed. */
    public void reject(RequestLogEntry entry, String reason) throws IOException {
        ObjectNode line = JSON.createObjectNode().put("error", reason);
        line.set("entry", JSON.valueToTree(entry));
        byte[] bytes = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        Path file = directory.resolve(REJECTED_PREFIX + LocalDate.now(ZoneOffset.UTC) + SUFFIX);
        lock.lock();
        try {
            Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } finally {
            lock.unlock();
        }
    }

    /** The oldest file to replay; the file being appended to is sealed and offered once no older one is left. */
    public Optional<Path> nextToReplay() throws IOException {
        lock.lock();
        try {
            if (!maybePending) {
                return Optional.empty();
            }
            Optional<Path> sealed = spillFiles().stream().filter(p -> !p.equals(activePath)).findFirst();
            if (sealed.isPresent()) {
                return sealed;
            }
            if (active != null && activeBytes > 0) {
                Path file = activePath;
                seal();
                return Optional.of(file);
            }
            maybePending = false;
            return Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    /** Reads a file handed out by {@link #nextToReplay()}. */
    public JournalReader open(Path file) throws IOException {
        return new JournalReader(file, JSON.readerFor(RequestLogEntry.class));
    }

    /** Whether a spill file may be waiting: cheap, for the writer's loop; {@link #nextToReplay()} is the answer. */
    public boolean mayHavePending() {
        return maybePending;
    }

    /** Renames a file that cannot be read to {@code rejected-...}, so it no longer blocks the files after it. */
    public void setAside(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.move(file, file.resolveSibling(REJECTED_PREFIX + file.getFileName()));
        } catch (IOException e) {
            // still unreadable and still first: the next replay attempt tries again
        }
    }

    /** Removes a file once every entry in it is stored. */
    public void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
    }

    /** Spill files not yet replayed, oldest first. */
    public List<Path> pendingFiles() throws IOException {
        return spillFiles();
    }

    public Path directory() {
        return directory;
    }

    /** Fsyncs and closes the file being appended to; a later append opens a new one. */
    @Override
    public void close() {
        lock.lock();
        try {
            seal();
        } finally {
            lock.unlock();
        }
    }

    private List<Path> spillFiles() throws IOException {
        try (Stream<Path> list = Files.list(directory)) {
            return list.filter(p -> p.getFileName().toString().startsWith(SPILL_PREFIX)
                            && p.getFileName().toString().endsWith(SUFFIX))
                    .sorted()
                    .toList();
        }
    }

    // Names sort in creation order: milliseconds, then a per-process sequence.
    private Path newFile() throws IOException {
        while (true) {
            Path file = directory.resolve("%s%013d-%06d%s".formatted(SPILL_PREFIX, System.currentTimeMillis(),
                    sequence.incrementAndGet() % 1_000_000, SUFFIX));
            try {
                return Files.createFile(file);
            } catch (FileAlreadyExistsException e) {
                // another run used this name in the same millisecond: take the next
            }
        }
    }

    private void seal() {
        if (active == null) {
            return;
        }
        try {
            active.getFD().sync();
        } catch (IOException e) {
            // the data is with the operating system already; only its durability across a power cut is lost
        }
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            active.close();
        } catch (IOException e) {
            // nothing more to do with a file we stop using
        }
        active = null;
        activePath = null;
        activeBytes = 0;
    }
}
