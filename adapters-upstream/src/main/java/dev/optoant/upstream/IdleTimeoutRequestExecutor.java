package dev.optoant.upstream;

import java.io.IOException;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.HttpClientConnection;
import org.apache.hc.core5.http.io.HttpResponseInformationCallback;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http.impl.io.HttpRequestExecutor;
import org.apache.hc.core5.util.Timeout;

/**
 * Switches the socket timeout from the first-byte limit (the request's response timeout) to the idle limit once
 * the response headers are in, so a slow first token and a stalled stream are bounded separately.
 */
final class IdleTimeoutRequestExecutor extends HttpRequestExecutor {
    /** The context attribute {@link #execute} leaves the response's connection in, for {@link HttpUpstreamReply}. */
    static final String CONNECTION = "optoant.upstream.connection";

    private final Timeout idleTimeout;

    IdleTimeoutRequestExecutor(Timeout idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    @Override
    public ClassicHttpResponse execute(
            ClassicHttpRequest request, HttpClientConnection conn, HttpResponseInformationCallback informationCallback,
            HttpContext context) throws IOException, HttpException {
        ClassicHttpResponse response = super.execute(request, conn, informationCallback, context);
        conn.setSocketTimeout(idleTimeout);
        context.setAttribute(CONNECTION, conn);
        return response;
    }
}
