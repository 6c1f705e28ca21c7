package dev.optoant.domain.passthrough;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Test data builders for relay requests and settings. */
final class RelayRequests {
    static final long LIMIT = 64;

    private RelayRequests() {
    }

    static RelayRequest post(String rawPath, List<Header> headers, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new RelayRequest("POST", rawPath, null, headers, new ByteArrayInputStream(bytes), bytes.length);
    }

    static RelayRequest chunked(String rawPath, InputStream body) {
        return new RelayRequest("POST", rawPath, null, List.of(), body, -1);
    }

    static PassthroughSettings settings() {
        return new PassthroughSettings("/v1", Optional.empty(), LIMIT);
    }

    static PassthroughSettings settingsWithKey(String key) {
        return new PassthroughSettings("/v1", Optional.of(key), LIMIT);
    }
}
