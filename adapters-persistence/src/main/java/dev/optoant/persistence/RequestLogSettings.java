package dev.optoant.persistence;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the request log is written: queue and batch sizes, the spill journal, retention and the body guard.
 *
 * @param queueCapacity entries held in memory before {@code record} spills to the journal
 * @param batchSize most rows per database insert
 * @param flushInterval longest an entry waits in the queue for its batch to fill
 * @param journalDirectory where the spill journal's files live; created if missing
 * @param journalFileMaxBytes a journal file is rotated once it reaches this size
 * @param retentionDays daily partitions older than this many days are dropped; 0 keeps everything
 * @param captureBodies when false, bodies that reach the writer anyway are dropped
 * @param maxBodyChars bodies longer than this are cut to it
 */
public record RequestLogSettings(
        int queueCapacity,
        int batchSize,
        Duration flushInterval,
        Path journalDirectory,
        long journalFileMaxBytes,
        int retentionDays,
        boolean captureBodies,
        int maxBodyChars) {

    public RequestLogSettings {
        Objects.requireNonNull(flushInterval, "flushInterval");
        Objects.requireNonNull(journalDirectory, "journalDirectory");
        require(queueCapacity >= 1, "queueCapacity must be at least 1");
        require(batchSize >= 1, "batchSize must be at least 1");
        require(flushInterval.isPositive(), "flushInterval must be positive");
        require(journalFileMaxBytes >= 1024, "journalFileMaxBytes must be at least 1024");
        require(retentionDays >= 0, "retentionDays must be 0 (keep forever) or more");
        require(maxBodyChars >= 0, "maxBodyChars must not be negative");
    }

    /** 10,000 queued, 500 per batch, 200 ms flush, 64 MiB journal files, 30 days kept, no bodies (16 Ki chars if on). */
    public static RequestLogSettings defaults(Path journalDirectory) {
        return new RequestLogSettings(10_000, 500, Duration.ofMillis(200), journalDirectory, 64L << 20, 30, false,
                16_384);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
