package dev.optoant.domain.passthrough;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Passes a request body through while keeping its first bytes, where the model and stream flags usually are. Its
 * buffer grows with what is read up to the capacity, so a short body costs a short buffer.
 */
public final class PrefixCapture extends FilterInputStream {
    private final int capacity;
    private byte[] prefix = new byte[0];
    private int captured;

    public PrefixCapture(InputStream in, int capacity) {
        super(in);
        this.capacity = capacity;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0 && captured < capacity) {
            room(1);
            prefix[captured++] = (byte) b;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0 && captured < capacity) {
            int keep = Math.min(n, capacity - captured);
            room(keep);
            System.arraycopy(b, off, prefix, captured, keep);
            captured += keep;
        }
        return n;
    }

    public byte[] captured() {
        return Arrays.copyOf(prefix, captured);
    }

    private void room(int more) {
        if (captured + more > prefix.length) {
            prefix = CaptureBuffers.grown(prefix, captured + more, capacity);
        }
    }
}
