package dev.optoant.domain.passthrough;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Passes a request body through while keeping its first bytes, where the model and stream flags usually are. */
public final class PrefixCapture extends FilterInputStream {
    private final byte[] prefix;
    private int captured;

    public PrefixCapture(InputStream in, int capacity) {
        super(in);
        this.prefix = new byte[capacity];
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0 && captured < prefix.length) {
            prefix[captured++] = (byte) b;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0 && captured < prefix.length) {
            int keep = Math.min(n, prefix.length - captured);
            System.arraycopy(b, off, prefix, captured, keep);
            captured += keep;
        }
        return n;
    }

    public byte[] captured() {
        return Arrays.copyOf(prefix, captured);
    }
}
