package dev.optoant.app.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optoant.app.GatewayTestSupport;
import dev.optoant.app.OptoantApplication;
import dev.optoant.app.OptoantConfiguration;
import dev.optoant.app.StubUpstream;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile request lines and headers, sent over raw sockets because HTTP clients refuse to: path traversal in every
 * spelling, absolute-form targets and Host games naming another server, odd methods, CR/LF and NUL in headers,
 * smuggling-style framing, oversized heads. Each gets a 4xx in the caller's shape, and nothing but the configured
 * upstream is ever contacted; a decoy server stands in for the host an attacker names.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class HostileRequestsTest {
    @RegisterExtension
    static final StubUpstream UPSTREAM = StubUpstream.startOrFail();
    @RegisterExtension
    static final StubUpstream DECOY = StubUpstream.startOrFail();
    private static final DropwizardAppExtension<OptoantConfiguration> APP = new DropwizardAppExtension<>(
            OptoantApplication.class, GatewayTestSupport.CONFIG, GatewayTestSupport.overrides(UPSTREAM.baseUrl()));
    private static final String MODELS = "{\"object\":\"list\",\"data\":[]}";

    /** Name, request head ({@code DECOY} stands for the decoy's host:port), expected status. */
    static Stream<Arguments> refused() {
        String big = "a".repeat(64 * 1024);
        StringBuilder manyHeaders = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            manyHeaders.append("X-Filler-").append(i).append(": ").append("v".repeat(20)).append("\r\n");
        }
        return Stream.of(
                refusal("dot-dot segment", "GET /v1/../admin HTTP/1.1\r\nHost: localhost\r\n", 400),
                refusal("dot-dot with parameter", "GET /v1/..;/admin HTTP/1.1\r\nHost: localhost\r\n", 400),
                refusal("encoded dot-dot", "GET /v1/%2e%2e/ HTTP/1.1\r\nHost: localhost\r\n", 400),
                refusal("upper-case encoded dot-dot", "GET /v1/%2E%2E/%2E%2E/etc/passwd HTTP/1.1\r\nHost: localhost\r\n", 400),
                refusal("encoded slash", "GET /v1/models%2F..%2F..%2Fadmin HTTP/1.1\r\nHost: localhost\r\n", 400),
                refusal("encoded slashes to another host", "GET /v1/%2F%2FDECOY/x HTTP/1.1\r\nHost: localhost\r\n", 400),
                refusal("encoded backslash", "GET /v1/a%5C..%5Cb HTTP/1.1\r\nHost: localhost\r\n", 400),
                refusal("encoded NUL", "GET /v1/models%00.json HTTP/1.1\r\nHost: localhost\r\n", 400),
                refusal("anthropic dot-dot", "POST /anthropic/v1/../../v1/models HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n", 400),
                refusal("anthropic encoded dot-dot", "POST /anthropic/v1/%2e%2e/messages HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n", 400),
                refusal("anthropic encoded slash", "POST /anthropic/v1/messages%2F..%2F HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n", 400),
                refusal("unknown method BREW", "BREW /v1/models HTTP/1.1\r\nHost: localhost\r\n", 405),
                refusal("unknown method BREW, anthropic", "BREW /anthropic/v1/messages HTTP/1.1\r\nHost: localhost\r\n", 405),
                refusal("TRACE echoes nothing", "TRACE /v1/models HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer sk-trace\r\n", 405),
                refusal("TRACE, anthropic", "TRACE /anthropic/v1/messages HTTP/1.1\r\nHost: localhost\r\n", 405),
                refusal("GET on the messages endpoint", "GET /anthropic/v1/messages HTTP/1.1\r\nHost: localhost\r\n", 405),
                refusal("method with illegal characters", "G@T /v1/models HTTP/1.1\r\nHost: localhost\r\n", 400),
                refusal("CONNECT to another host", "CONNECT DECOY HTTP/1.1\r\nHost: DECOY\r\n", 405),
                refusal("bare CR in a header value", "GET /v1/models HTTP/1.1\r\nHost: localhost\r\nX-Test: a\rInjected: b\r\n", 400),
                refusal("bare CR in a header value, anthropic", "POST /anthropic/v1/messages HTTP/1.1\r\nHost: localhost\r\nX-Test: a\rInjected: b\r\nContent-Length: 0\r\n", 400),
                refusal("NUL in a header value", "GET /v1/models HTTP/1.1\r\nHost: localhost\r\nX-Test: a\u0000b\r\n", 400),
                refusal("obsolete line folding", "GET /v1/models HTTP/1.1\r\nHost: localhost\r\nX-Test: a\r\n folded\r\n", 400),
                refusal("space in a header name", "GET /v1/models HTTP/1.1\r\nHost: localhost\r\nX Test: a\r\n", 400),
                refusal("no Host header", "GET /v1/models HTTP/1.1\r\n", 400),
                refusal("two Host headers", "GET /v1/models HTTP/1.1\r\nHost: localhost\r\nHost: DECOY\r\n", 400),
                refusal("Content-Length and Transfer-Encoding", "POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
                refusal("two different Content-Lengths", "POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}", 400),
                refusal("negative Content-Length", "POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nContent-Length: -1\r\n", 400),
                refusal("Content-Length past 2^63", "POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nContent-Length: 99999999999999999999\r\n", 400),
                refusal("unknown transfer coding", "POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: gzip\r\n", 400),
                refusal("64 KiB header value", "GET /v1/models HTTP/1.1\r\nHost: localhost\r\nX-Big: " + big + "\r\n", 431),
                refusal("3000 headers", "GET /v1/models HTTP/1.1\r\nHost: localhost\r\n" + manyHeaders, 431),
                refusal("64 KiB header value, anthropic", "POST /anthropic/v1/messages HTTP/1.1\r\nHost: localhost\r\nX-Big: " + big + "\r\n", 431),
                refusal("64 KiB request target", "GET /v1/models?q=" + big + " HTTP/1.1\r\nHost: localhost\r\n", 414));
    }

    private static Arguments refusal(String name, String head, int status) {
        return Arguments.of(name, head, status);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedInTheCallersShapeWithoutContactingAnyone(String name, String head, int status) throws Exception {
        String request = head.replace("DECOY", decoyAuthority());
        if (!request.contains("\r\n\r\n")) {
            request += "Connection: close\r\n\r\n";
        }
        String path = request.substring(request.indexOf(' ') + 1, request.indexOf(' ', request.indexOf(' ') + 1));

        RawResponse response = RawHttp.exchange(APP.getLocalPort(), request);

        ErrorShapes.forPath(path, response, status);
        assertThat(response.body()).doesNotContain("sk-trace");
        assertThat(UPSTREAM.received()).isEmpty();
        assertThat(DECOY.received()).isEmpty();
    }

    /**
     * Targets and Host values naming another server: the request still goes to the configured upstream only, which
     * sees its own name as Host. Forwarding headers are passed on as any other header, never acted upon.
     */
    static Stream<Arguments> redirectedTargets() {
        return Stream.of(
                Arguments.of("absolute-form target naming the decoy", "GET http://DECOY/v1/models HTTP/1.1\r\nHost: DECOY\r\n", 200),
                Arguments.of("absolute-form target naming an outside host", "GET http://evil.example/v1/models HTTP/1.1\r\nHost: evil.example\r\n", 200),
                Arguments.of("Host header naming the decoy", "GET /v1/models HTTP/1.1\r\nHost: DECOY\r\n", 200),
                Arguments.of("forwarding headers naming the decoy", "GET /v1/models HTTP/1.1\r\nHost: localhost\r\n"
                        + "X-Forwarded-Host: DECOY\r\nX-Forwarded-Proto: http\r\nForwarded: host=DECOY;proto=http\r\n"
                        + "X-Original-URL: http://DECOY/v1/models\r\nX-Rewrite-URL: /admin\r\n", 200),
                Arguments.of("Host with userinfo", "GET /v1/models HTTP/1.1\r\nHost: user@DECOY\r\n", 400),
                Arguments.of("HTTP/1.0 without Host", "GET /v1/models HTTP/1.0\r\n", 200));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("redirectedTargets")
    void onlyTheConfiguredUpstreamIsEverContacted(String name, String head, int status) throws Exception {
        UPSTREAM.route("/v1/models", ex -> StubUpstream.send(ex, 200, "application/json", MODELS));

        RawResponse response = RawHttp.exchange(APP.getLocalPort(),
                head.replace("DECOY", decoyAuthority()) + "Connection: close\r\n\r\n");

        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        if (status == 200) {
            assertThat(response.body()).isEqualTo(MODELS);
            assertThat(UPSTREAM.received()).singleElement().satisfies(received -> {
                assertThat(received.rawPath()).isEqualTo("/v1/models");
                assertThat(received.headers().getFirst("Host")).isEqualTo(UPSTREAM.baseUrl().substring("http://".length()));
            });
        } else {
            ErrorShapes.openAi(response, 400);
            assertThat(UPSTREAM.received()).isEmpty();
        }
        assertThat(DECOY.received()).isEmpty();
    }

    @AfterAll
    static void theGatewayIsHealthyAfterwards() throws Exception {
        GatewayHealth.assertHealthy(APP, UPSTREAM);
        assertThat(DECOY.received()).isEmpty();
    }

    private static String decoyAuthority() {
        return DECOY.baseUrl().substring("http://".length());
    }
}
