package dev.optoant.persistence;

import dev.optoant.domain.log.RequestLogEntry;
import java.time.temporal.ChronoUnit;

/**
 * Makes an entry storable before it is queued or journalled, so the journal holds exactly what the database will:
 * bodies dropped or cut to size, NUL characters (which PostgreSQL text rejects) replaced, indexed short fields capped
 * below the btree row limit, and the start time cut to the microseconds that timestamptz keeps.
 */
final class EntryGuard {
    // btree index entries must stay under ~2700 bytes; 512 chars is at most 2048 bytes of UTF-8.
    static final int MAX_SHORT_CHARS = 512;

    private final boolean captureBodies;
    private final int maxBodyChars;

    EntryGuard(boolean captureBodies, int maxBodyChars) {
        this.captureBodies = captureBodies;
        this.maxBodyChars = maxBodyChars;
    }

    RequestLogEntry apply(RequestLogEntry e) {
        return new RequestLogEntry(
                e.id(),
                e.startedAt() == null ? null : e.startedAt().truncatedTo(ChronoUnit.MICROS),
                shortText(e.api()),
                shortText(e.method()),
                text(e.path(), Integer.MAX_VALUE),
                shortText(e.requestedModel()),
                shortText(e.upstreamModel()),
                e.streaming(),
                e.status(),
                shortText(e.errorType()),
                text(e.errorMessage(), Integer.MAX_VALUE),
                e.latencyMicros(),
                e.firstByteMicros(),
                e.upstreamAttempts(),
                e.inputTokens(),
                e.outputTokens(),
                e.cachedTokens(),
                e.reasoningTokens(),
                shortText(e.clientAddress()),
                text(e.userAgent(), Integer.MAX_VALUE),
                shortText(e.apiKeyFingerprint()),
                captureBodies ? text(e.requestBody(), maxBodyChars) : null,
                captureBodies ? text(e.responseBody(), maxBodyChars) : null);
    }

    private static String shortText(String s) {
        return text(s, MAX_SHORT_CHARS);
    }

    static String text(String s, int maxChars) {
        if (s == null) {
            return null;
        }
        String cut = s;
        if (s.length() > maxChars) {
            int end = maxChars;
            if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
                end--;
            }
            cut = s.substring(0, end);
        }
        return cut.indexOf('\u0000') < 0 ? cut : cut.replace('\u0000', '\uFFFD');
    }
}
