package dev.optoant.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a body through while checking it is well-formed UTF-8 (Unicode table 3-7: no overlong forms, surrogates or
 * code points past U+10FFFF), failing with {@link NotUtf8Exception} at the first bad byte. Jackson's byte parser
 * decodes overlong forms such as {@code C0 AF} without complaint, so the check can't be left to it.
 */
final class Utf8CheckingInputStream extends FilterInputStream {
    private long offset;
    private int pending;
    private int low = 0x80;
    private int high = 0xBF;

    Utf8CheckingInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            atEnd();
        } else {
            check(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        int n = super.read(buffer, off, len);
        if (n < 0) {
            atEnd();
        }
        for (int i = 0; i < n; i++) {
            check(buffer[off + i] & 0xFF);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] discard = new byte[(int) Math.min(n, 8192)];
        int read = read(discard, 0, discard.length);
        return Math.max(read, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void check(int b) throws NotUtf8Exception {
        if (pending > 0) {
            if (b < low || b > high) {
                throw new NotUtf8Exception(offset);
            }
            pending--;
            low = 0x80;
            high = 0xBF;
        } else if (b >= 0x80) {
            lead(b);
        }
        offset++;
    }

    private void lead(int b) throws NotUtf8Exception {
        if (b >= 0xC2 && b <= 0xDF) {
            pending = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            pending = 2;
            low = b == 0xE0 ? 0xA0 : 0x80;
            high = b == 0xED ? 0x9F : 0xBF;
        } else if (b >= 0xF0 && b <= 0xF4) {
            pending = 3;
            low = b == 0xF0 ? 0x90 : 0x80;
            high = b == 0xF4 ? 0x8F : 0xBF;
        } else {
            throw new NotUtf8Exception(offset);
        }
    }

    private void atEnd() throws NotUtf8Exception {
        if (pending > 0) {
            throw new NotUtf8Exception(offset);
        }
    }

    /** The body is not UTF-8; names the byte offset, never the bytes. */
    static final class NotUtf8Exception extends IOException {
        private static final long serialVersionUID = 1L;

        NotUtf8Exception(long offset) {
            super("The request body is not valid UTF-8 (at byte " + offset + ")");
        }
    }
}
