package dev.optoant.domain.passthrough;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;

/** A request body held in memory, which an upstream adapter can write out in one piece instead of copying it. */
public final class InMemoryBody extends ByteArrayInputStream {
    public InMemoryBody(byte[] bytes) {
        super(bytes);
    }

    /** Writes what is left unread straight from the array, in one write, and marks it read. */
    public synchronized void writeRemainingTo(OutputStream out) throws IOException {
        int remaining = count - pos;
        if (remaining > 0) {
            out.write(buf, pos, remaining);
            pos = count;
        }
    }
}
