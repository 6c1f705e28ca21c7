package dev.optoant.upstream;

import dev.optoant.domain.passthrough.Header;
import dev.optoant.domain.port.UpstreamReply;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;

/** A live upstream response; closing it before the body's end drops the connection instead of draining it. */
final class HttpUpstreamReply implements UpstreamReply {
    private final HttpUriRequestBase request;
    private final ClassicHttpResponse response;
    private final EndAwareInputStream body;

    HttpUpstreamReply(HttpUriRequestBase request, ClassicHttpResponse response) throws IOException {
        this.request = request;
        this.response = response;
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
