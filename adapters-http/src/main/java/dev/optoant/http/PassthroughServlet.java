package dev.optoant.http;

import dev.optoant.domain.error.ErrorKind;
import dev.optoant.domain.error.GatewayException;
import dev.optoant.domain.log.RequestTrace;
import dev.optoant.domain.passthrough.Header;
import dev.optoant.domain.passthrough.PassthroughUseCase;
import dev.optoant.domain.passthrough.RelayOutcome;
import dev.optoant.domain.passthrough.RelayRequest;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;

/** {@code /v1/*}: hands any standard method to the passthrough use case and renders its errors the OpenAI way. */
public final class PassthroughServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    private final transient PassthroughUseCase passthrough;

    public PassthroughServlet(PassthroughUseCase passthrough) {
        this.passthrough = passthrough;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        RequestTrace trace = RequestLogFilter.traceOf(request);
        if (!METHODS.contains(request.getMethod())) {
            String message = "Method " + request.getMethod() + " is not supported on " + request.getRequestURI();
            trace.error(ErrorFormat.OPENAI.type(ErrorKind.INVALID_REQUEST), message);
            response.setHeader("Allow", String.join(", ", METHODS));
            ErrorResponses.write(response, 405, ErrorFormat.OPENAI, ErrorKind.INVALID_REQUEST, message);
            return;
        }
        RelayOutcome outcome;
        try {
            outcome = passthrough.forward(toRelayRequest(request), new ServletRelayResponder(response), trace);
        } catch (GatewayException e) {
            trace.error(ErrorFormat.OPENAI.type(e.kind()), e.getMessage());
            ErrorResponses.write(response, ErrorFormat.OPENAI, e.kind(), e.getMessage());
            return;
        }
        if (outcome == RelayOutcome.UPSTREAM_FAILED) {
            if (!response.isCommitted()) {
                response.reset();
                ErrorResponses.write(response, ErrorFormat.OPENAI, ErrorKind.UPSTREAM_UNREACHABLE,
                        "Upstream failed before its body arrived");
            } else {
                // The status line is gone already: cutting the connection is the only way to tell the client
                // that the body it received is incomplete.
                throw new UncheckedIOException(new IOException("Upstream failed mid-response; response aborted"));
            }
        }
    }

    private static RelayRequest toRelayRequest(HttpServletRequest request) throws IOException {
        List<Header> headers = new ArrayList<>();
        Enumeration<String> names = request.getHeaderNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            Enumeration<String> values = request.getHeaders(name);
            while (values.hasMoreElements()) {
                headers.add(new Header(name, values.nextElement()));
            }
        }
        long contentLength = request.getContentLengthLong();
        if (contentLength < 0 && request.getHeader("Transfer-Encoding") == null) {
            contentLength = 0;
        }
        return new RelayRequest(request.getMethod(), request.getRequestURI(), request.getQueryString(), headers,
                request.getInputStream(), contentLength);
    }
}
