package dev.optoant.persistence;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.optoant.domain.log.RequestLogEntry;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads one spill-journal file in chunks, skipping lines that don't parse: a line torn by a crash mid-write. */
public final class JournalReader implements Closeable {
    private final Path file;
    private final ObjectReader json;
    // An InputStreamReader replaces bytes that aren't UTF-8, as a torn multi-byte character is, instead of failing.
    private final BufferedReader lines;
    private int skippedLines;

    JournalReader(Path file, ObjectReader json) throws IOException {
        this.file = file;
        this.json = json;
        this.lines = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8));
    }

    /** Up to {@code max} entries; empty at the end of the file. */
    public List<RequestLogEntry> next(int max) throws IOException {
        List<RequestLogEntry> chunk = new ArrayList<>(Math.min(max, 1024));
        String line;
        while (chunk.size() < max && (line = lines.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            try {
                RequestLogEntry entry = json.readValue(line);
                if (entry != null && entry.id() != null) {
                    chunk.add(entry);
                } else {
                    skippedLines++;
                }
            } catch (JacksonException e) {
                skippedLines++;
            }
        }
        return chunk;
    }

    public Path file() {
        return file;
    }

    public int skippedLines() {
        return skippedLines;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
