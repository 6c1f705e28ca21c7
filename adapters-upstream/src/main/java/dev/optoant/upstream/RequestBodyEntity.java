package dev.optoant.upstream;

import dev.optoant.domain.passthrough.InMemoryBody;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;

/**
 * A relayed request body: one already in memory goes out in a single write with no copy buffer, a streamed one as
 * HttpClient writes any stream.
 */
final class RequestBodyEntity extends HttpEntityWrapper {
    private final InputStream body;

    RequestBodyEntity(InputStream body, long length) {
        super(new InputStreamEntity(body, length, null));
        this.body = body;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        if (body instanceof InMemoryBody memory) {
            memory.writeRemainingTo(out);
            return;
        }
        super.writeTo(out);
    }
}
