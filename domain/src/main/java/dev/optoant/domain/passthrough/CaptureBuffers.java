package dev.optoant.domain.passthrough;

import java.util.Arrays;

/** How the capture buffers grow: to what is needed, doubling, from 512 bytes, and past half the capacity to all of it. */
final class CaptureBuffers {
    private static final int MIN_BYTES = 512;

    private CaptureBuffers() {
    }

    /** {@code buffer} with room for {@code needed} bytes (at most {@code capacity}), its content kept. */
    static byte[] grown(byte[] buffer, long needed, int capacity) {
        long wanted = Math.max(Math.max(needed, 2L * buffer.length), MIN_BYTES);
        return Arrays.copyOf(buffer, wanted > capacity / 2 ? capacity : (int) wanted);
    }
}
