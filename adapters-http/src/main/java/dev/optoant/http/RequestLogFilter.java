package dev.optoant.http;

import dev.optoant.domain.log.RequestLogStore;
import dev.optoant.domain.log.RequestTrace;
import dev.optoant.domain.log.StreamsInFlight;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every API request a {@link RequestTrace} and hands the finished entry to the request log, whatever the
 * outcome. Responses, streamed ones included, are complete when the chain returns.
 */
public final class RequestLogFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RequestLogFilter.class);
    static final String ATTRIBUTE = RequestTrace.class.getName();

    private final transient RequestLogStore store;
    private final transient StreamsInFlight streams;

    public RequestLogFilter(RequestLogStore store) {
        this(store, StreamsInFlight.NONE);
    }

    /** Also tells {@code streams} about every request that turns out to be a stream, and when it ends. */
    public RequestLogFilter(RequestLogStore store, StreamsInFlight streams) {
        this.store = store;
        this.streams = streams;
    }

    /** The trace of the request being served, or a detached one outside the API paths. */
    static RequestTrace traceOf(HttpServletRequest request) {
        return request != null && request.getAttribute(ATTRIBUTE) instanceof RequestTrace trace
                ? trace : RequestTrace.detached();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI();
        String api = apiOf(path);
        if (api == null) {
            chain.doFilter(request, response);
            return;
        }
        RequestTrace trace = new RequestTrace(api, request.getMethod(), path, request.getRemoteAddr(),
                request.getHeader("User-Agent"), streams);
        trace.credential(Credentials.from(request.getHeader("x-api-key"), request.getHeader("Authorization")));
        request.setAttribute(ATTRIBUTE, trace);
        Throwable escaped = null;
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            escaped = e;
            throw e;
        } finally {
            // A failure that escapes is answered by the server after this filter, with a status of its own.
            int status = escaped != null && !response.isCommitted() ? statusFor(escaped) : response.getStatus();
            if (status >= 400 && !trace.hasError()) {
                // Refused by a filter of the framework (a method it does not allow) or failed outside the gateway's
                // error handling, not reported by the gateway's code.
                trace.error(ErrorFormat.forPath(path).type(ErrorFormat.kindOf(status)), HttpStatus.getMessage(status));
            }
            record(trace, status);
        }
    }

    /** The status the server answers an escaped failure with: a Jetty HTTP exception's own, 500 for the rest. */
    private static int statusFor(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpException http) {
                return http.getCode();
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR_500;
    }

    /** {@code anthropic} or {@code openai} for the API paths, null for the rest (health, docs). */
    static String apiOf(String path) {
        return path.startsWith("/anthropic/") ? "anthropic" : path.startsWith("/v1/") ? "openai" : null;
    }

    private void record(RequestTrace trace, int status) {
        try {
            store.record(trace.finish(status));
        } catch (RuntimeException e) {
            LOG.warn("The request log refused an entry: {}", e.toString());
        }
    }
}
