package dev.optoant.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The OpenAI passthrough end to end: official SDK → gateway → real stub upstream, bytes and headers intact. */
@ExtendWith(DropwizardExtensionsSupport.class)
class OpenAiPassthroughTest {
    @RegisterExtension
    static final StubUpstream UPSTREAM = StubUpstream.startOrFail();
    private static final DropwizardAppExtension<OptoantConfiguration> APP = new DropwizardAppExtension<>(
            OptoantApplication.class, GatewayTestSupport.CONFIG, GatewayTestSupport.overrides(UPSTREAM.baseUrl()));

    // Field order and an unknown field, to prove the body is relayed as bytes, not re-serialised.
    private static final String COMPLETION = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,"
            + "\"model\":\"deepseek-chat\",\"x_vendor_extra\":{\"kept\":[1,2.50,\"é\"]},"
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hello!\"},"
            + "\"logprobs\":null,\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7}}";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();



    private OpenAIClient sdk() {
        return OpenAIOkHttpClient.builder()
                .baseUrl("http://localhost:" + APP.getLocalPort() + "/v1")
                .apiKey("sk-client-key")
                .maxRetries(0)
                .build();
    }

    private URI gateway(String pathAndQuery) {
        return URI.create("http://localhost:" + APP.getLocalPort() + pathAndQuery);
    }

    @Test
    void sdkCompletionReachesUpstreamAndComesBack() {
        UPSTREAM.route("/v1/chat/completions", ex -> StubUpstream.send(ex, 200, "application/json", COMPLETION));

        ChatCompletion completion = sdk().chat().completions().create(ChatCompletionCreateParams.builder()
                .model("deepseek-chat").addUserMessage("Hi").build());

        assertThat(completion.choices().get(0).message().content()).contains("Hello!");
        assertThat(completion.usage().orElseThrow().totalTokens()).isEqualTo(7);
        StubUpstream.Received request = UPSTREAM.last();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.headers().getFirst("Authorization")).isEqualTo("Bearer sk-client-key");
        assertThat(request.bodyText()).contains("\"model\":\"deepseek-chat\"").contains("\"content\":\"Hi\"");
    }

    @Test
    void bodiesAndHeadersPassByteForByte() throws Exception {
        String requestBody = "{\"model\":\"m\",\"messages\":[],\"unknown_field\":{\"z\":1,\"a\":[true,null]}}";
        UPSTREAM.route("/v1/chat/completions", ex -> {
            ex.getResponseHeaders().set("x-ratelimit-remaining-requests", "42");
            ex.getResponseHeaders().set("X-Request-Id", "req-123");
            StubUpstream.send(ex, 200, "application/json; charset=utf-8", COMPLETION);
        });

        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(gateway("/v1/chat/completions?a=1&b=%20x"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-Custom", "kept")
                .header("Authorization", "Bearer sk-abc")
                .POST(HttpRequest.BodyPublishers.ofString(requestBody)).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(COMPLETION);
        assertThat(response.headers().firstValue("content-type")).contains("application/json; charset=utf-8");
        assertThat(response.headers().firstValue("x-ratelimit-remaining-requests")).contains("42");
        assertThat(response.headers().firstValue("x-request-id")).contains("req-123");
        StubUpstream.Received request = UPSTREAM.last();
        assertThat(request.bodyText()).isEqualTo(requestBody);
        assertThat(request.rawQuery()).isEqualTo("a=1&b=%20x");
        assertThat(request.headers().getFirst("X-Custom")).isEqualTo("kept");
        assertThat(request.headers().getFirst("Accept")).isEqualTo("application/json");
        assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/json");
        assertThat(request.headers().getFirst("Authorization")).isEqualTo("Bearer sk-abc");
    }

    @Test
    void upstreamErrorStatusAndBodyPassUnchanged() throws Exception {
        String error = "{\"error\":{\"message\":\"Insufficient Balance\",\"type\":\"unknown_error\",\"code\":\"invalid_request_error\"}}";
        UPSTREAM.route("/v1/chat/completions", ex -> StubUpstream.send(ex, 402, "application/json", error));

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway("/v1/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(402);
        assertThat(response.body()).isEqualTo(error);
    }

    @Test
    void anyMethodAndPathIsForwarded() throws Exception {
        UPSTREAM.route("/v1/files/file-1", ex -> StubUpstream.send(ex, 200, "application/json", "{\"deleted\":true}"));
        UPSTREAM.route("/v1/models", ex -> StubUpstream.send(ex, 200, "application/json", "{\"data\":[]}"));

        HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(gateway("/v1/files/file-1")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> models = http.send(HttpRequest.newBuilder(gateway("/v1/models")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(deleted.body()).isEqualTo("{\"deleted\":true}");
        assertThat(UPSTREAM.received().get(0).method()).isEqualTo("DELETE");
        assertThat(models.body()).isEqualTo("{\"data\":[]}");
        assertThat(UPSTREAM.received().get(1).method()).isEqualTo("GET");
    }

    @Test
    void sseEventsReachTheClientWhileTheUpstreamIsStillStreaming() throws Exception {
        CountDownLatch clientSawFirst = new CountDownLatch(1);
        UPSTREAM.route("/v1/chat/completions", ex -> {
            OutputStream out = StubUpstream.startSse(ex);
            StubUpstream.event(out, chunk("Hel", null));
            StubUpstream.event(out, ": keep-alive\n\n");
            if (!clientSawFirst.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the client never saw the first event before the stream ended");
            }
            StubUpstream.event(out, chunk("lo", "stop"));
            StubUpstream.event(out, "data: [DONE]\n\n");
        });

        List<String> deltas = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = sdk().chat().completions().createStreaming(
                ChatCompletionCreateParams.builder().model("deepseek-chat").addUserMessage("Hi").build())) {
            Iterator<ChatCompletionChunk> chunks = stream.stream().iterator();
            ChatCompletionChunk first = chunks.next();
            deltas.add(first.choices().get(0).delta().content().orElse(""));
            clientSawFirst.countDown();
            chunks.forEachRemaining(c -> c.choices().forEach(choice -> deltas.add(choice.delta().content().orElse(""))));
        }

        assertThat(deltas).containsExactly("Hel", "lo");
        assertThat(UPSTREAM.last().bodyText()).contains("\"stream\":true");
    }

    @Test
    void sseBytesIncludingCommentsArriveUnchanged() throws Exception {
        String stream = chunk("a", null) + ": keep-alive\n\n" + chunk("b", "stop") + "data: [DONE]\n\n";
        UPSTREAM.route("/v1/chat/completions", ex -> {
            OutputStream out = StubUpstream.startSse(ex);
            StubUpstream.event(out, stream);
        });

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway("/v1/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"stream\":true}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.headers().firstValue("content-type")).contains("text/event-stream");
        assertThat(response.body()).isEqualTo(stream);
    }

    @Test
    void healthAnswersOk() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway("/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void adminHealthCheckSeesTheUpstream() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + APP.getAdminPort() + "/healthcheck")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"upstream\":{\"healthy\":true");
    }

    static String chunk(String content, String finishReason) {
        return "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"deepseek-chat\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + content + "\"},\"finish_reason\":"
                + (finishReason == null ? "null" : "\"" + finishReason + "\"") + "}]}\n\n";
    }
}
