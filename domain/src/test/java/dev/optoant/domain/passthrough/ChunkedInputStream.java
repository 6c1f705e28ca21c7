package dev.optoant.domain.passthrough;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Test body that arrives in the given chunks: a read never crosses a chunk boundary and {@link #available()} is 0
 * at each boundary, like a socket whose next packet has not come yet; optionally fails after the last chunk.
 */
final class ChunkedInputStream extends InputStream {
    private final List<byte[]> chunks;
    private final IOException failureAtEnd;
    private int chunk;
    private int offset;

    ChunkedInputStream(List<byte[]> chunks) {
        this(chunks, null);
    }

    ChunkedInputStream(List<byte[]> chunks, IOException failureAtEnd) {
        this.chunks = new ArrayList<>(chunks);
        this.failureAtEnd = failureAtEnd;
    }

    static List<byte[]> split(byte[] body, List<Integer> sizes) {
        List<byte[]> chunks = new ArrayList<>();
        int position = 0;
        for (int i = 0; position < body.length; i++) {
            int size = sizes.isEmpty() ? body.length : Math.min(sizes.get(i % sizes.size()), body.length - position);
            byte[] piece = new byte[size];
            System.arraycopy(body, position, piece, 0, size);
            chunks.add(piece);
            position += size;
        }
        return chunks;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (chunk < chunks.size() && offset == chunks.get(chunk).length) {
            chunk++;
            offset = 0;
        }
        if (chunk == chunks.size()) {
            if (failureAtEnd != null) {
                throw failureAtEnd;
            }
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        byte[] current = chunks.get(chunk);
        int n = Math.min(len, current.length - offset);
        System.arraycopy(current, offset, b, off, n);
        offset += n;
        return n;
    }

    @Override
    public int available() {
        return chunk < chunks.size() ? chunks.get(chunk).length - offset : 0;
    }
}
