package dev.optoant.http;

import jakarta.servlet.ServletOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import org.eclipse.jetty.ee10.servlet.HttpOutput;

/**
 * A response body written past Jetty's output buffer: each write goes to the connection as it is, so a long-lived
 * stream that writes whole events holds no server buffer between them (Jetty keeps one for the response's life once
 * a small write is aggregated). Outside Jetty it is the plain servlet output.
 */
final class UnbufferedResponseOutput extends OutputStream {
    private final ServletOutputStream servlet;
    private final HttpOutput jetty;

    private UnbufferedResponseOutput(ServletOutputStream servlet) {
        this.servlet = servlet;
        this.jetty = servlet instanceof HttpOutput output ? output : null;
    }

    static OutputStream of(ServletOutputStream servlet) {
        return new UnbufferedResponseOutput(servlet);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return;
        }
        if (jetty == null) {
            servlet.write(bytes, offset, length);
            return;
        }
        jetty.write(ByteBuffer.wrap(bytes, offset, length));
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    /** Sends the response head if nothing has gone yet; after a write there is nothing held back to send. */
    @Override
    public void flush() throws IOException {
        if (jetty == null || !jetty.isWritten()) {
            servlet.flush();
        }
    }
}
