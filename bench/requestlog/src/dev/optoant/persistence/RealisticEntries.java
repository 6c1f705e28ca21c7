package dev.optoant.persistence;

import dev.optoant.domain.log.RequestLogEntry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Rows as the default configuration logs them (no bodies): both APIs, streaming or not, some errors. */
final class RealisticEntries {
    private static final String[] MODELS = {"claude-sonnet-4-5", "gpt-4.1-mini", "deepseek-chat", "claude-haiku-4-5"};
    private static final String[] AGENTS = {"claude-cli/2.0.14 (external, cli)", "OpenAI/Python 1.109.1",
        "anthropic-java/3.14.0", "curl/8.5.0"};

    private RealisticEntries() {
    }

    static List<RequestLogEntry> make(int n, Instant start) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        List<RequestLogEntry> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Instant at = start.plusNanos(i * 37_000L).truncatedTo(ChronoUnit.MICROS);
            boolean anthropic = r.nextInt(3) > 0;
            boolean failed = r.nextInt(50) == 0;
            String model = MODELS[r.nextInt(MODELS.length)];
            long latency = 200_000L + r.nextLong(5_000_000L);
            entries.add(new RequestLogEntry(uuidV7(at), at, anthropic ? "anthropic" : "openai", "POST",
                    anthropic ? "/anthropic/v1/messages" : "/v1/chat/completions", model,
                    anthropic ? "deepseek-chat" : model, r.nextBoolean(), failed ? 502 : 200,
                    failed ? "upstream_unavailable" : null, failed ? "upstream answered 503 Service Unavailable" : null,
                    latency, failed ? null : latency / 10, failed ? 3 : 1, failed ? null : 1_000L + r.nextLong(30_000),
                    failed ? null : 10L + r.nextLong(2_000), failed || r.nextBoolean() ? null : r.nextLong(20_000),
                    r.nextInt(4) == 0 ? r.nextLong(1_000) : null, "10.0.%d.%d".formatted(r.nextInt(256), r.nextInt(256)),
                    AGENTS[r.nextInt(AGENTS.length)], "sha256:%012x".formatted(r.nextLong(1L << 48)), null, null));
        }
        return entries;
    }

    private static UUID uuidV7(Instant at) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (at.toEpochMilli() << 16) | 0x7000L | (r.nextLong() & 0x0FFFL);
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
