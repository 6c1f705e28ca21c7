package dev.optoant.domain.passthrough;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/** Test client connection: keeps the bytes written, the byte count at every flush, and can fail like a gone client. */
final class RecordingOutputStream extends OutputStream {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final List<Integer> flushPoints = new ArrayList<>();
    private final long failWritesAfterBytes;
    private final boolean failFlush;

    RecordingOutputStream() {
        this(Long.MAX_VALUE, false);
    }

    RecordingOutputStream(long failWritesAfterBytes, boolean failFlush) {
        this.failWritesAfterBytes = failWritesAfterBytes;
        this.failFlush = failFlush;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (bytes.size() + (long) len > failWritesAfterBytes) {
            throw new IOException("Broken pipe");
        }
        bytes.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        if (failFlush) {
            throw new IOException("Connection reset by peer");
        }
        flushPoints.add(bytes.size());
    }

    byte[] bytes() {
        return bytes.toByteArray();
    }

    List<Integer> flushPoints() {
        return flushPoints;
    }
}
