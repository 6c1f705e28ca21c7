package dev.optoant.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The passthrough's own errors, in OpenAI's error shape, and what a departing client does to the upstream call. */
@ExtendWith(DropwizardExtensionsSupport.class)
class PassthroughFailuresTest {
    @RegisterExtension
    static final StubUpstream UPSTREAM = StubUpstream.startOrFail();
    private static final DropwizardAppExtension<OptoantConfiguration> APP = new DropwizardAppExtension<>(
            OptoantApplication.class, GatewayTestSupport.CONFIG, GatewayTestSupport.overrides(UPSTREAM.baseUrl(),
                    ConfigOverride.config("upstream.firstByteTimeout", "400ms"),
                    ConfigOverride.config("upstream.idleTimeout", "5s"),
                    ConfigOverride.config("limits.maxRequestBody", "1KiB")));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();



    private URI gateway(String pathAndQuery) {
        return URI.create("http://localhost:" + APP.getLocalPort() + pathAndQuery);
    }

    private static JsonNode openAiError(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.get("type").asText()).isNotBlank();
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        return error;
    }

    @Test
    void noFirstByteWithinTheTimeoutIs504() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        UPSTREAM.route("/v1/chat/completions", ex -> {
            release.await(10, TimeUnit.SECONDS);
            StubUpstream.send(ex, 200, "application/json", "{}");
        });
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway("/v1/chat/completions"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            openAiError(response, 504, "upstream_timeout");
        } finally {
            release.countDown();
        }
    }

    @Test
    void upstreamClosingWithoutAnswerIs502() throws Exception {
        try (RawUpstream dead = new RawUpstream("")) {
            withGatewayTo(dead.baseUrl(), port -> {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/v1/chat/completions"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
                openAiError(response, 502, "upstream_unreachable");
            });
        }
    }

    @Test
    void upstreamDyingMidStreamCutsTheClientResponseShort() throws Exception {
        String partial = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "14\r\ndata: {\"partial\":1}\n\n\r\n";
        try (RawUpstream crashing = new RawUpstream(partial)) {
            withGatewayTo(crashing.baseUrl(), port -> {
                String response = rawRequest(port, "POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 15\r\n\r\n{\"stream\":true}");

                assertThat(response).startsWith("HTTP/1.1 200").contains("data: {\"partial\":1}");
                assertThat(response).as("no terminating chunk: the client can tell the body is incomplete")
                        .doesNotEndWith("0\r\n\r\n");
            });
        }
    }

    /** Runs a check against a second gateway whose upstream is the given URL. */
    private static void withGatewayTo(String upstream, GatewayCheck check) throws Exception {
        var app = new DropwizardAppExtension<>(OptoantApplication.class, GatewayTestSupport.CONFIG,
                GatewayTestSupport.overrides(upstream));
        app.before();
        try {
            check.run(app.getLocalPort());
        } finally {
            app.after();
        }
    }

    /** A check that needs the port of a freshly started gateway. */
    @FunctionalInterface
    private interface GatewayCheck {
        void run(int port) throws Exception;
    }

    @Test
    void declaredBodyOverTheLimitIs413WithoutContactingUpstream() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway("/v1/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(2048))).build(), HttpResponse.BodyHandlers.ofString());

        openAiError(response, 413, "request_too_large");
        assertThat(UPSTREAM.received()).isEmpty();
    }

    @Test
    void chunkedBodyOverTheLimitIs413() throws Exception {
        UPSTREAM.route("/v1/chat/completions", ex -> StubUpstream.send(ex, 200, "application/json", "{}"));
        byte[] big = "y".repeat(4096).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway("/v1/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build(),
                HttpResponse.BodyHandlers.ofString());

        openAiError(response, 413, "request_too_large");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/../admin", "/v1/..;/admin", "/v1/./models", "/v1/a%2Fb", "/v1/%2e%2e/x", "/v1/a%5Cb", "/v1/%2E%2E/%2E%2E/etc"})
    void pathsThatEscapeOrHideSegmentsAre400(String path) throws Exception {
        String response = rawRequest("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).contains("\"type\":\"invalid_request_error\"");
        assertThat(UPSTREAM.received()).isEmpty();
    }

    @Test
    void unknownMethodIs405InOpenAiShape() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway("/v1/models"))
                .method("BREW", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        openAiError(response, 405, "invalid_request");
    }

    @Test
    void clientDisconnectMidStreamAbortsTheUpstreamRequest() throws Exception {
        CountDownLatch upstreamSawClose = new CountDownLatch(1);
        UPSTREAM.route("/v1/chat/completions", ex -> {
            OutputStream out = StubUpstream.startSse(ex);
            try {
                for (int i = 0; i < 600; i++) {
                    StubUpstream.event(out, OpenAiPassthroughTest.chunk("t" + i, null));
                    Thread.sleep(20);
                }
            } catch (java.io.IOException e) {
                upstreamSawClose.countDown();
            }
        });

        try (Socket client = new Socket("localhost", APP.getLocalPort())) {
            OutputStream out = client.getOutputStream();
            out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 15\r\n\r\n{\"stream\":true}").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = client.getInputStream();
            byte[] buffer = new byte[4096];
            int total = 0;
            String seen = "";
            while (!seen.contains("data: ") && total >= 0) {
                int n = in.read(buffer);
                total = n;
                if (n > 0) {
                    seen += new String(buffer, 0, n, StandardCharsets.UTF_8);
                }
            }
            assertThat(seen).contains("HTTP/1.1 200").contains("data: ");
        }

        assertThat(upstreamSawClose.await(10, TimeUnit.SECONDS))
                .as("the upstream connection is closed soon after the client left").isTrue();
        awaitNoLeasedUpstreamConnection();
    }

    private static void awaitNoLeasedUpstreamConnection() throws InterruptedException {
        var leased = APP.getEnvironment().metrics().getGauges().get("upstream.connections.leased");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Integer.valueOf(0).equals(leased.getValue()) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(leased.getValue()).as("upstream connections still leased").isEqualTo(0);
    }

    private String rawRequest(String request) throws Exception {
        return rawRequest(APP.getLocalPort(), request);
    }

    private static String rawRequest(int port, String request) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
