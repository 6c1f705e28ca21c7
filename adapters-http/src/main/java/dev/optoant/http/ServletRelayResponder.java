package dev.optoant.http;

import dev.optoant.domain.passthrough.Header;
import dev.optoant.domain.passthrough.RelayResponder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.jetty.ee10.servlet.ServletContextResponse;
import org.eclipse.jetty.http.HttpHeader;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Writes a relayed status and headers to a servlet response; an upstream header replaces the server's own. */
final class ServletRelayResponder implements RelayResponder {
    private final HttpServletResponse response;

    ServletRelayResponder(HttpServletResponse response) {
        this.response = response;
    }

    @Override
    public OutputStream start(int status, List<Header> headers) throws IOException {
        response.setStatus(status);
        Set<String> seen = new HashSet<>();
        for (Header header : headers) {
            if (header.is("content-type")) {
                // The servlet API re-formats media types ("a; charset=x" becomes "a;charset=x"); Jetty's own
                // header fields keep the upstream's bytes.
                ServletContextResponse.getServletContextResponse(response).getHeaders()
                        .put(HttpHeader.CONTENT_TYPE, header.value());
            } else if (seen.add(header.name().toLowerCase(Locale.ROOT))) {
                response.setHeader(header.name(), header.value());
            } else {
                response.addHeader(header.name(), header.value());
            }
        }
        return response.getOutputStream();
    }
}
