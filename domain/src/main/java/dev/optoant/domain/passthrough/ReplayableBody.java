package dev.optoant.domain.passthrough;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;

/**
 * A request body read into memory when it is small enough, so a failed upstream attempt can send it again; larger
 * bodies keep streaming and get a single attempt.
 */
final class ReplayableBody {
    // One less than the largest array the JVM reliably allocates, so that the chunked case's cap + 1 still fits.
    private static final long MAX_ARRAY_BYTES = Integer.MAX_VALUE - 9;

    private final byte[] bytes;
    private final InputStream stream;
    private final long length;

    private ReplayableBody(byte[] bytes, InputStream stream, long length) {
        this.bytes = bytes;
        this.stream = stream;
        this.length = length;
    }

    /** Buffers up to {@code cap} bytes: a declared length within it, or a chunked body that ends within it. */
    static ReplayableBody of(InputStream body, long contentLength, long configuredCap) throws IOException {
        long cap = Math.min(configuredCap, MAX_ARRAY_BYTES);
        if (contentLength == 0) {
            return new ReplayableBody(new byte[0], null, 0);
        }
        if (contentLength > cap) {
            return new ReplayableBody(null, body, contentLength);
        }
        int limit = (int) (contentLength > 0 ? contentLength : cap + 1);
        byte[] head = body.readNBytes(limit);
        if (contentLength > 0 || head.length <= cap) {
            return new ReplayableBody(head, null, head.length);
        }
        return new ReplayableBody(null, new SequenceInputStream(new ByteArrayInputStream(head), body), -1);
    }

    boolean replayable() {
        return bytes != null;
    }

    /** A fresh stream over the body; for a streaming body, the one and only stream. */
    InputStream open() {
        return bytes != null ? new InMemoryBody(bytes) : stream;
    }

    /** The length to declare upstream, -1 for chunked. */
    long length() {
        return length;
    }
}
