package dev.optoant.upstream;

import dev.optoant.domain.passthrough.Header;
import dev.optoant.domain.port.UpstreamReply;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.HttpClientConnection;
import org.apache.hc.core5.util.Timeout;

/** A live upstream response; closing it before the body's end drops the connection instead of draining it. */
final class HttpUpstreamReply implements UpstreamReply {
    private final HttpUriRequestBase request;
    private final ClassicHttpResponse response;
    private final EndAwareInputStream body;
    /** The connection the response came on, when known: {@link #readRestWithin} shortens its read timeout. */
    private final HttpClientConnection connection;

    HttpUpstreamReply(HttpUriRequestBase request, ClassicHttpResponse response) throws IOException {
        this(request, response, null);
    }

    HttpUpstreamReply(HttpUriRequestBase request, ClassicHttpResponse response, HttpClientConnection connection)
            throws IOException {
        this.request = request;
        this.response = response;
        this.connection = connection;
        HttpEntity entity = response.getEntity();
        this.body = new EndAwareInputStream(entity == null ? InputStream.nullInputStream() : entity.getContent());
    }

    @Override
    public int status() {
        return response.getCode();
    }

    @Override
    public List<Header> headers() {
        org.apache.hc.core5.http.Header[] all = response.getHeaders();
        List<Header> headers = new ArrayList<>(all.length);
        for (org.apache.hc.core5.http.Header header : all) {
            headers.add(new Header(header.getName(), header.getValue()));
        }
        return headers;
    }

    ClassicHttpResponse response() {
        return response;
    }

    @Override
    public InputStream body() {
        return body;
    }

    @Override
    public void abort() {
        request.cancel();
    }

    /**
     * Reads and drops the rest of the body if it ends within {@code within} and {@code maxBytes}, so that
     * {@link #close} gives the connection back to the pool instead of dropping it; a body that goes on longer, or a
     * connection whose read timeout can't be shortened, is left as it is (and dropped by close).
     */
    void readRestWithin(Duration within, int maxBytes) {
        if (body.ended || connection == null) {
            return;
        }
        long deadline = System.nanoTime() + within.toNanos();
        Timeout idle = connection.getSocketTimeout();
        byte[] discard = new byte[512];
        int left = maxBytes;
        try {
            connection.setSocketTimeout(Timeout.ofMilliseconds(Math.max(1, within.toMillis())));
            while (left > 0 && System.nanoTime() < deadline) {
                int n = body.read(discard, 0, Math.min(discard.length, left));
                if (n < 0) {
                    break;
                }
                left -= n;
            }
        } catch (IOException ignored) {
            // Not ended: close() drops the connection as before.
        } finally {
            connection.setSocketTimeout(idle);
        }
    }

    @Override
    public void close() {
        if (!body.ended) {
            request.cancel();
        }
        try {
            response.close();
        } catch (IOException ignored) {
            // The connection is discarded either way.
        }
    }

    /** Remembers whether the body was read to its end, so close() knows the connection can go back to the pool. */
    private static final class EndAwareInputStream extends FilterInputStream {
        private boolean ended;

        EndAwareInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            ended |= b < 0;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            ended |= n < 0;
            return n;
        }
    }
}
