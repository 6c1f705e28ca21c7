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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Anthropic lane on the wire: SSE framing, bad input, failures before and after the first byte, disconnects. */
@ExtendWith(DropwizardExtensionsSupport.class)
class AnthropicWireTest {
    @RegisterExtension
    static final StubUpstream UPSTREAM = StubUpstream.startOrFail();
    private static final DropwizardAppExtension<OptoantConfiguration> APP = new DropwizardAppExtension<>(
            OptoantApplication.class, GatewayTestSupport.CONFIG, GatewayTestSupport.overrides(UPSTREAM.baseUrl(),
                    ConfigOverride.config("anthropic.pingInterval", "200ms"),
                    ConfigOverride.config("limits.maxRequestBody", "64KiB")));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HELLO = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();



    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + APP.getLocalPort() + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("x-api-key", "sk-ant-wire")
                .header("anthropic-version", "2023-06-01")
                .header("anthropic-beta", "interleaved-thinking-2025-05-14,fine-grained-tool-streaming-2025-05-14")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode anthropicError(HttpResponse<String> response, int status, String type) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("type").asText()).isEqualTo("error");
        assertThat(body.get("error").get("type").asText()).isEqualTo(type);
        assertThat(body.get("error").get("message").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("\tat ").doesNotContain("Exception");
        return body;
    }

    @Test
    void streamIsDecidedByTheBodyAndFramedAsAnthropicSse() throws Exception {
        UPSTREAM.route("/v1/chat/completions", ex -> {
            OutputStream out = StubUpstream.startSse(ex);
            StubUpstream.event(out, "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Yo\"},\"finish_reason\":\"stop\"}],"
                    + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":1}}\n\ndata: [DONE]\n\n");
        });

        HttpResponse<String> response = post("/anthropic/v1/messages?beta=true", HELLO);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
        List<String> types = eventTypes(response.body());
        assertThat(types).containsExactly("message_start", "content_block_start", "content_block_delta",
                "content_block_stop", "message_delta", "message_stop");
        assertThat(response.body()).startsWith("event: message_start\ndata: {\"type\":\"message_start\"");
        assertThat(response.body()).doesNotContain("[DONE]");
        assertThat(UPSTREAM.last().headers().getFirst("Authorization")).isEqualTo("Bearer sk-ant-wire");
        assertThat(UPSTREAM.last().headers().getFirst("anthropic-beta")).isNull();
    }

    @Test
    void eventsReachTheClientWhileTheUpstreamIsStillStreaming() throws Exception {
        CountDownLatch clientSawText = new CountDownLatch(1);
        UPSTREAM.route("/v1/chat/completions", ex -> {
            OutputStream out = StubUpstream.startSse(ex);
            StubUpstream.event(out, "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"first\"}}]}\n\n");
            if (!clientSawText.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the client never saw the first delta while the stream was open");
            }
            StubUpstream.event(out, "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\" second\"},\"finish_reason\":\"stop\"}]}\n\n"
                    + "data: [DONE]\n\n");
        });

        StringBuilder seen = new StringBuilder();
        try (Socket client = new Socket("localhost", APP.getLocalPort())) {
            byte[] body = HELLO.getBytes(StandardCharsets.UTF_8);
            OutputStream out = client.getOutputStream();
            out.write(("POST /anthropic/v1/messages HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = client.getInputStream();
            byte[] buffer = new byte[4096];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                if (seen.indexOf("\"text\":\"first\"") >= 0) {
                    clientSawText.countDown();
                }
            }
        }

        assertThat(seen.toString()).contains("\"text\":\" second\"").contains("event: message_stop");
    }

    @Test
    void pingsAreSentDuringUpstreamSilence() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        UPSTREAM.route("/v1/chat/completions", ex -> {
            OutputStream out = StubUpstream.startSse(ex);
            StubUpstream.event(out, "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}\n\n");
            done.await(700, TimeUnit.MILLISECONDS);
            StubUpstream.event(out, "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n");
        });

        HttpResponse<String> response = post("/anthropic/v1/messages", HELLO);

        assertThat(eventTypes(response.body())).contains("ping").endsWith("message_delta", "message_stop");
    }

    @Test
    void upstreamFailureMidStreamEndsWithAnErrorEvent() throws Exception {
        String partial = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3b\r\ndata: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"part\"}}]}\n\n\r\n";
        try (RawUpstream crashing = new RawUpstream(partial)) {
            var app = new DropwizardAppExtension<>(OptoantApplication.class, GatewayTestSupport.CONFIG,
                    GatewayTestSupport.overrides(crashing.baseUrl()));
            app.before();
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + app.getLocalPort() + "/anthropic/v1/messages"))
                        .POST(HttpRequest.BodyPublishers.ofString(HELLO)).build(), HttpResponse.BodyHandlers.ofString());

                assertThat(response.statusCode()).isEqualTo(200);
                List<String> types = eventTypes(response.body());
                assertThat(types.get(0)).isEqualTo("message_start");
                assertThat(types.get(types.size() - 1)).isEqualTo("error");
                assertThat(types).doesNotContain("message_stop");
                assertThat(response.body()).contains("\"type\":\"api_error\"");
            } finally {
                app.after();
            }
        }
    }

    @Test
    void upstreamErrorBeforeTheFirstByteIsARealHttpStatus() throws Exception {
        UPSTREAM.route("/v1/chat/completions", ex -> StubUpstream.send(ex, 422, "application/json",
                "{\"error\":{\"message\":\"Failed to deserialize the JSON body\"}}"));

        HttpResponse<String> response = post("/anthropic/v1/messages", HELLO);

        JsonNode error = anthropicError(response, 400, "invalid_request_error");
        assertThat(error.get("error").get("message").asText()).contains("Failed to deserialize the JSON body");
    }

    @Test
    void clientDisconnectMidStreamAbortsTheUpstream() throws Exception {
        CountDownLatch upstreamSawClose = new CountDownLatch(1);
        UPSTREAM.route("/v1/chat/completions", ex -> {
            OutputStream out = StubUpstream.startSse(ex);
            try {
                for (int i = 0; i < 600; i++) {
                    StubUpstream.event(out, "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"t\"}}]}\n\n");
                    Thread.sleep(20);
                }
            } catch (java.io.IOException e) {
                upstreamSawClose.countDown();
            }
        });

        try (Socket client = new Socket("localhost", APP.getLocalPort())) {
            OutputStream out = client.getOutputStream();
            byte[] body = HELLO.getBytes(StandardCharsets.UTF_8);
            out.write(("POST /anthropic/v1/messages HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = client.getInputStream();
            String seen = "";
            byte[] buffer = new byte[4096];
            while (!seen.contains("content_block_delta")) {
                int n = in.read(buffer);
                assertThat(n).isPositive();
                seen += new String(buffer, 0, n, StandardCharsets.UTF_8);
            }
        }

        assertThat(upstreamSawClose.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed JSON|{\"model\": |400|invalid_request_error",
            "not an object|[1,2]|400|invalid_request_error",
            "empty body||400|invalid_request_error",
            "missing max_tokens|{\"model\":\"claude-x\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}|400|invalid_request_error",
            "missing messages|{\"model\":\"claude-x\",\"max_tokens\":10}|400|invalid_request_error",
            "missing model|{\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}|400|invalid_request_error",
            "max_tokens wrong type|{\"model\":\"claude-x\",\"max_tokens\":\"lots\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}|400|invalid_request_error",
            "messages wrong type|{\"model\":\"claude-x\",\"max_tokens\":10,\"messages\":\"Hi\"}|400|invalid_request_error",
            "empty content|{\"model\":\"claude-x\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"\"}]}|400|invalid_request_error",
            "unknown block type|{\"model\":\"claude-x\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"hologram\"}]}]}|400|invalid_request_error",
            "block without type|{\"model\":\"claude-x\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"x\"}]}]}|400|invalid_request_error",
            "orphan tool_result|{\"model\":\"claude-x\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\",\"content\":\"x\"}]}]}|400|invalid_request_error",
            "image on a text-only upstream|{\"model\":\"claude-x\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image\",\"source\":{\"type\":\"url\",\"url\":\"https://x/y.png\"}}]}]}|400|invalid_request_error"})
    void badInputIsA4xxInAnthropicShapeAndNeverReachesTheUpstream(String name, String body, int status, String type)
            throws Exception {
        anthropicError(post("/anthropic/v1/messages", body == null ? "" : body), status, type);
        assertThat(UPSTREAM.received()).isEmpty();
    }

    @Test
    void oversizedBodyIs413() throws Exception {
        String big = "{\"model\":\"claude-x\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\""
                + "x".repeat(100_000) + "\"}]}";
        anthropicError(post("/anthropic/v1/messages", big), 413, "request_too_large");
    }

    @Test
    void unknownAnthropicPathIs404InAnthropicShape() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + APP.getLocalPort() + "/anthropic/v1/nothing")).build(),
                HttpResponse.BodyHandlers.ofString());
        anthropicError(response, 404, "not_found_error");
    }

    static List<String> eventTypes(String sse) {
        List<String> types = new ArrayList<>();
        for (String line : sse.split("\n")) {
            if (line.startsWith("event: ")) {
                types.add(line.substring(7));
            }
        }
        return types;
    }
}
