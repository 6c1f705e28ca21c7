package dev.optoant.upstream;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Checks that the upstream host accepts TCP connections, for health checks; sends no request and no credential. */
public final class UpstreamProbe {
    private final String host;
    private final int port;
    private final Duration timeout;

    public UpstreamProbe(URI baseUrl, Duration timeout) {
        this.host = baseUrl.getHost();
        this.port = baseUrl.getPort() > 0 ? baseUrl.getPort() : ("https".equals(baseUrl.getScheme()) ? 443 : 80);
        this.timeout = timeout;
    }

    /** Empty when the upstream accepts a connection, otherwise why it doesn't. */
    public Optional<String> problem() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(target() + " is not reachable: " + e.getMessage());
        }
    }

    public String target() {
        return host + ":" + port;
    }
}
