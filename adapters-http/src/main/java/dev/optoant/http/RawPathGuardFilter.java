package dev.optoant.http;

import dev.optoant.domain.error.ErrorKind;
import dev.optoant.domain.passthrough.RelayPath;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses request targets with dot segments before the server normalises them, so {@code /v1/../x} is a 400
 * instead of silently becoming {@code /x}.
 */
public final class RawPathGuardFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String raw = request.getRequestURI();
        if (hasDotSegment(raw)) {
            ErrorFormat format = ErrorFormat.forPath(raw);
            String message = "Invalid path: '.' and '..' segments are not allowed";
            RequestLogFilter.traceOf(request).error(format.type(ErrorKind.INVALID_REQUEST), message);
            ErrorResponses.write(response, format, ErrorKind.INVALID_REQUEST, message);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean hasDotSegment(String rawPath) {
        return RelayPath.hasDotSegment(rawPath);
    }
}
