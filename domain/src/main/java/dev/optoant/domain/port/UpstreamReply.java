package dev.optoant.domain.port;

import dev.optoant.domain.passthrough.Header;
import java.io.InputStream;
import java.util.List;

/** The upstream's answer while its body is still arriving; closing it releases the connection. */
public interface UpstreamReply extends AutoCloseable {
    int status();

    List<Header> headers();

    /** The body as it arrives; a read fails once the idle timeout between chunks passes. */
    InputStream body();

    /** Drops the upstream connection at once, without reading the rest of the body. */
    void abort();

    @Override
    void close();
}
