package dev.optoant.persistence;

import dev.optoant.domain.log.RequestLogEntry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Test data: request-log entries with every field set, or with every nullable field null. */
final class TestEntries {
    static final Instant BASE = Instant.parse("2026-03-14T09:26:53.589793Z");

    private TestEntries() {
    }

    /** A UUIDv7-shaped id for the given time: 48 bits of milliseconds, then random bits. */
    static UUID idAt(Instant at) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (at.toEpochMilli() << 16) | 0x7000L | (r.nextLong() & 0x0FFFL);
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** Every field set, with text that PostgreSQL and JSON must both keep exactly. */
    static RequestLogEntry full(Instant at) {
        return new RequestLogEntry(idAt(at), at.truncatedTo(ChronoUnit.MICROS), "anthropic", "POST",
                "/anthropic/v1/messages", "claude-sonnet-4-5 «ünïcødé» 模型", "deepseek-chat", true, 200, null, null,
                1_234_567L, 89_012L, 3, 1_500L, 320L, 1_024L, 64L, "203.0.113.7", "anthropic-java/3.14.0 😀",
                "sha256:0123456789ab", "{\"messages\":[{\"role\":\"user\",\"content\":\"héllo\\n\\\"quoted\\\" \uD83D\uDE80\"}]}",
                "line one\nline two\r\n\ttabbed 'single' \"double\" \\ backslash");
    }

    /** Every field that can be null is null. */
    static RequestLogEntry sparse(Instant at) {
        return new RequestLogEntry(idAt(at), at.truncatedTo(ChronoUnit.MICROS), "openai", "GET", "/v1/models", null,
                null, false, 502, "upstream_unavailable", "connection refused", 5_000L, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    static RequestLogEntry with(Instant at, String api, String model, int status, String errorType, long latency,
            Long inputTokens, Long outputTokens) {
        return new RequestLogEntry(idAt(at), at.truncatedTo(ChronoUnit.MICROS), api, "POST", "/v1/chat/completions",
                model, model, false, status, errorType, errorType == null ? null : "failed", latency, 100L,
                1, inputTokens, outputTokens, null, null, "127.0.0.1", "test", null, null, null);
    }

    /** {@code n} entries one millisecond apart from {@code start}, alternating api, model and outcome. */
    static List<RequestLogEntry> many(int n, Instant start) {
        List<RequestLogEntry> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            entries.add(with(start.plusMillis(i), i % 2 == 0 ? "openai" : "anthropic", "model-" + (i % 3),
                    i % 10 == 0 ? 500 : 200, i % 10 == 0 ? "api_error" : null, 1_000L + i, (long) i, 2L * i));
        }
        return entries;
    }
}
