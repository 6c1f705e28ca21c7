package dev.optoant.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.optoant.domain.log.RequestLogEntry;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Requests the HTTP server refuses before any filter runs still leave exactly one row in the request log. */
@ExtendWith(DropwizardExtensionsSupport.class)
class JettyRejectionsLogTest {
    @RegisterExtension
    static final StubUpstream UPSTREAM = StubUpstream.startOrFail();
    private static final DropwizardAppExtension<OptoantConfiguration> APP =
            GatewayTestSupport.appWithRequestLog(UPSTREAM.baseUrl());
    private static final String KEY = "sk-rejected-secret-123";

    @Test
    void everyRefusalLeavesOneRowInTheCallersApi() throws Exception {
        String[] requests = {
            "GET /v1/a%2Fb HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + KEY + "\r\nConnection: close\r\n\r\n",
            "GET /v1/%2e%2e/x HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
            "GET /v1/models HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n",
            "HELLO\r\n\r\n",
            "GET /anthropic/v1/models HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\nConnection: close\r\n\r\n",
            "POST /anthropic/v1/messages HTTP/1.1\r\nHost: localhost\r\nx-api-key: " + KEY + "\r\nContent-Length: 5\r\n"
                    + "Content-Length: 6\r\nConnection: close\r\n\r\nhello",
            // Refused past the filter: logged there, and only there.
            "BREW /v1/models HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
            // Not an API path: no row.
            "GET /health%2Fx HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
        };
        for (String request : requests) {
            assertThat(raw(request)).startsWith("HTTP/1.1 4").doesNotContain(KEY);
        }

        List<RequestLogEntry> rows = GatewayTestSupport.awaitLogRows(APP, requests.length - 1);

        assertThat(rows).extracting(RequestLogEntry::api, RequestLogEntry::method, RequestLogEntry::path,
                RequestLogEntry::status, RequestLogEntry::errorType).containsExactlyInAnyOrder(
                tuple("openai", "GET", "/v1/a%2Fb", 400, "invalid_request_error"),
                tuple("openai", "GET", "/v1/%2e%2e/x", 400, "invalid_request_error"),
                tuple("openai", "GET", "/v1/models", 431, "invalid_request_error"),
                tuple("openai", null, null, 400, "invalid_request_error"),
                tuple("anthropic", "GET", "/anthropic/v1/models", 400, "invalid_request_error"),
                tuple("anthropic", "POST", "/anthropic/v1/messages", 400, "invalid_request_error"),
                tuple("openai", "BREW", "/v1/models", 405, "invalid_request_error"));
        assertThat(rows).filteredOn(row -> row.status() != 405).allSatisfy(row -> {
            assertThat(row.errorMessage()).isNotBlank();
            assertThat(row.clientAddress()).isEqualTo("127.0.0.1");
        });
        // Jetty keeps no header of a request it refused while parsing, so these rows carry no key fingerprint.
        assertThat(rows.toString()).doesNotContain(KEY);
    }

    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("localhost", APP.getLocalPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
