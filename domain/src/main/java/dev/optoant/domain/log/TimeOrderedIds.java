package dev.optoant.domain.log;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** UUIDv7 (RFC 9562): 48 bits of Unix milliseconds then 74 random bits, so ids sort by time and index well. */
public final class TimeOrderedIds {
    private TimeOrderedIds() {
    }

    public static UUID next() {
        return at(System.currentTimeMillis());
    }

    static UUID at(long epochMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long randomHigh = random.nextLong();
        long randomLow = random.nextLong();
        long msb = (epochMillis << 16) | 0x7000L | (randomHigh & 0x0FFFL);
        long lsb = (randomLow & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** The millisecond timestamp an id was made at. */
    public static long epochMillis(UUID id) {
        return id.getMostSignificantBits() >>> 16;
    }
}
