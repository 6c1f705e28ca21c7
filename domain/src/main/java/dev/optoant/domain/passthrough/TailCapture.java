package dev.optoant.domain.passthrough;

import java.util.Arrays;

/**
 * Keeps the last bytes of a relayed response, where usage is (the body's end, or the stream's last chunks). Its
 * buffer grows with what it is given up to the capacity, so a short answer costs a short buffer.
 */
final class TailCapture {
    private final int capacity;
    private byte[] ring = new byte[0];
    private int next;
    private boolean full;

    TailCapture(int capacity) {
        this.capacity = capacity;
    }

    void append(byte[] bytes, int offset, int length) {
        // Below the capacity nothing has wrapped yet: next is what is kept, and the buffer stays larger than it.
        if (ring.length < capacity && next + length >= ring.length) {
            ring = CaptureBuffers.grown(ring, next + (long) length + 1, capacity);
        }
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
