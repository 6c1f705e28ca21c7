package dev.optoant.domain.log;

import java.security.SecureRandom;
import java.util.UUID;

/** UUIDv7 (RFC 9562): 48 bits of Unix milliseconds then random bits, so ids sort by time and index well. */
public final class TimeOrderedIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {
    }

    public static UUID next() {
        return at(System.currentTimeMillis());
    }

    static UUID at(long epochMillis) {
        long randomHigh = RANDOM.nextLong();
        long randomLow = RANDOM.nextLong();
        long msb = (epochMillis << 16) | 0x7000L | (randomHigh & 0x0FFFL);
        long lsb = (randomLow & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** The millisecond timestamp an id was made at. */
    public static long epochMillis(UUID id) {
        return id.getMostSignificantBits() >>> 16;
    }
}
