package dev.optoant.http;

import dev.optoant.domain.error.ErrorKind;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Writes one of the gateway's own errors to a servlet response that has not been committed yet. */
final class ErrorResponses {
    private ErrorResponses() {
    }

    static void write(HttpServletResponse response, ErrorFormat format, ErrorKind kind, String message)
            throws IOException {
        write(response, format.status(kind), format, kind, message);
    }

    static void write(HttpServletResponse response, int status, ErrorFormat format, ErrorKind kind, String message)
            throws IOException {
        byte[] body = format.body(kind, message);
        response.setStatus(status);
        response.setContentType(format.contentType());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
