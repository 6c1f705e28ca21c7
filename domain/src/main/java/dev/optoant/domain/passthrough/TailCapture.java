package dev.optoant.domain.passthrough;

import java.util.Arrays;

/** Keeps the last bytes of a relayed response, where usage is (the body's end, or the stream's last chunks). */
final class TailCapture {
    private final byte[] ring;
    private int next;
    private boolean full;

    TailCapture(int capacity) {
        this.ring = new byte[capacity];
    }

    void append(byte[] bytes, int offset, int length) {
        if (length >= ring.length) {
            System.arraycopy(bytes, offset + length - ring.length, ring, 0, ring.length);
            next = 0;
            full = true;
            return;
        }
        int first = Math.min(length, ring.length - next);
        System.arraycopy(bytes, offset, ring, next, first);
        System.arraycopy(bytes, offset + first, ring, 0, length - first);
        full |= next + length >= ring.length;
        next = (next + length) % ring.length;
    }

    /** The kept bytes, oldest first. */
    byte[] bytes() {
        if (!full) {
            return Arrays.copyOf(ring, next);
        }
        byte[] ordered = new byte[ring.length];
        System.arraycopy(ring, next, ordered, 0, ring.length - next);
        System.arraycopy(ring, 0, ordered, ring.length - next, next);
        return ordered;
    }
}
