package dev.optoant.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads the head of an HTTP/1.1 message off a raw socket, for the tests' socket-level clients and upstreams. */
public final class HttpHeads {
    private static final byte[] END = {'\r', '\n', '\r', '\n'};

    private HttpHeads() {
    }

    /**
     * Reads byte by byte up to the blank line that ends the head, so nothing of the body is consumed; returns the head
     * without that blank line, or {@code null} when the stream ended first.
     */
    public static String read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < END.length) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = b == END[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.substring(0, text.length() - END.length);
    }
}
