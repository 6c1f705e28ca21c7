package dev.optoant.upstream;

import dev.optoant.domain.passthrough.Header;
import dev.optoant.domain.passthrough.RelayRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/** Shared builders for the upstream adapter tests. */
final class UpstreamTestSupport {
    private UpstreamTestSupport() {
    }

    static CloseableHttpClient client(URI baseUrl, Duration firstByte, Duration idle) {
        return UpstreamHttpClients.create(new UpstreamSettings(baseUrl, Duration.ofSeconds(2), firstByte, idle, 4));
    }

    static RelayRequest get(String rawPath) {
        return new RelayRequest("GET", rawPath, null, List.of(), InputStream.nullInputStream(), 0);
    }

    static RelayRequest post(String rawPath, List<Header> headers, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new RelayRequest("POST", rawPath, null, headers, new ByteArrayInputStream(bytes), bytes.length);
    }

    /** Reads one read()'s worth of body, as the relay does, and returns it as text. */
    static String readSome(InputStream body) throws IOException {
        byte[] buffer = new byte[8192];
        int n = body.read(buffer);
        return n < 0 ? "" : new String(buffer, 0, n, StandardCharsets.UTF_8);
    }
}
