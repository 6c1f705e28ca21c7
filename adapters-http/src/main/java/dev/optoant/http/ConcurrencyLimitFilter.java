package dev.optoant.http;

import dev.optoant.domain.error.GatewayException;
import dev.optoant.domain.resilience.ConcurrencyLimit;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Caps concurrent API requests ({@code /v1/*}, {@code /anthropic/*}): one over the cap gets a 429 in the API's
 * shape at once, nothing waits in a queue. The slot is freed when the chain returns, streams and errors included.
 */
public final class ConcurrencyLimitFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    private static final int DRAIN_LIMIT = 64 * 1024;

    private final transient ConcurrencyLimit requests;

    public ConcurrencyLimitFilter(ConcurrencyLimit requests) {
        this.requests = requests;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI();
        if (RequestLogFilter.apiOf(path) == null) {
            chain.doFilter(request, response);
            return;
        }
        ConcurrencyLimit.Permit permit;
        try {
            permit = requests.acquire();
        } catch (GatewayException busy) {
            ErrorFormat format = ErrorFormat.forPath(path);
            RequestLogFilter.traceOf(request).error(format.type(busy.kind()), busy.getMessage());
            response.setHeader("Retry-After", "1");
            if (!RequestBodyDrain.drain(request, DRAIN_LIMIT)) {
                response.setHeader("Connection", "close");
            }
            ErrorResponses.write(response, format, busy.kind(), busy.getMessage());
            return;
        }
        try (permit) {
            chain.doFilter(request, response);
        }
    }
}
