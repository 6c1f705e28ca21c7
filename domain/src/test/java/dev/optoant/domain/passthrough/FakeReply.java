package dev.optoant.domain.passthrough;

import dev.optoant.domain.port.UpstreamReply;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Hand-written {@link UpstreamReply} that counts abort and close calls. */
final class FakeReply implements UpstreamReply {
    private final int status;
    private final List<Header> headers;
    private final InputStream body;
    int aborts;
    int closes;

    FakeReply(int status, List<Header> headers, InputStream body) {
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    static FakeReply ok(String body) {
        return new FakeReply(200, List.of(new Header("Content-Type", "application/json")),
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public List<Header> headers() {
        return headers;
    }

    @Override
    public InputStream body() {
        return body;
    }

    @Override
    public void abort() {
        aborts++;
    }

    @Override
    public void close() {
        closes++;
    }
}
