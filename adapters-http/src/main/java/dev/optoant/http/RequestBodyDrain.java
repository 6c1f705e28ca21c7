package dev.optoant.http;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads and drops what is left of a request body that is answered without it. A socket closed with unread bytes in
 * it makes TCP reset the connection, and a client still sending its body then sees a broken pipe or a reset instead
 * of the answer.
 */
final class RequestBodyDrain {
    private RequestBodyDrain() {
    }

    /** True when the body ended within {@code limit} bytes (those already read not counted), false otherwise. */
    static boolean drain(HttpServletRequest request, long limit) {
        if (request.getContentLengthLong() > limit) {
            return false;
        }
        try (InputStream body = request.getInputStream()) {
            byte[] buffer = new byte[8192];
            long total = 0;
            int n;
            while ((n = body.read(buffer)) >= 0) {
                total += n;
                if (total > limit) {
                    return false;
                }
            }
            return true;
        } catch (IOException | IllegalStateException e) {
            return false;
        }
    }
}
