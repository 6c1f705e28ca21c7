package dev.optoant.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optoant.domain.log.RequestLogEntry;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every request through either API leaves exactly one row in the embedded PostgreSQL, with usage and no secret. */
@ExtendWith(DropwizardExtensionsSupport.class)
class RequestLogEndToEndTest {
    @RegisterExtension
    static final StubUpstream UPSTREAM = StubUpstream.startOrFail();
    private static final DropwizardAppExtension<OptoantConfiguration> APP =
            GatewayTestSupport.appWithRequestLog(UPSTREAM.baseUrl(),
                    ConfigOverride.config("requestLog.flushInterval", "20ms"));
    private static final String SECRET = "sk-very-secret-key-123";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + APP.getLocalPort() + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + SECRET)
                .header("User-Agent", "log-test/1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void eachRequestIsOneRowWithItsModelsTokensAndErrors() throws Exception {
        UPSTREAM.route("/v1/chat/completions", ex -> {
            String body = new String(UPSTREAM.last().body(), java.nio.charset.StandardCharsets.UTF_8);
            if (body.contains("\"stream\":true")) {
                OutputStream out = StubUpstream.startSse(ex);
                StubUpstream.event(out, "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hi\"},\"finish_reason\":\"stop\"}]}\n\n"
                        + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":3,\"prompt_cache_hit_tokens\":2}}\n\n"
                        + "data: [DONE]\n\n");
            } else {
                StubUpstream.send(ex, 200, "application/json", "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                        + "\"content\":\"hi\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":2,"
                        + "\"completion_tokens_details\":{\"reasoning_tokens\":1}}}");
            }
        });

        assertThat(post("/v1/chat/completions", "{\"model\":\"deepseek-chat\",\"messages\":[]}").statusCode()).isEqualTo(200);
        assertThat(post("/v1/chat/completions", "{\"model\":\"deepseek-chat\",\"stream\":true,\"messages\":[]}").statusCode()).isEqualTo(200);
        String anthropic = "{\"model\":\"claude-opus-4-5\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]";
        assertThat(post("/anthropic/v1/messages", anthropic + "}").statusCode()).isEqualTo(200);
        assertThat(post("/anthropic/v1/messages", anthropic + ",\"stream\":true}").statusCode()).isEqualTo(200);
        assertThat(post("/anthropic/v1/messages", "{\"model\":\"claude-x\"}").statusCode()).isEqualTo(400);
        assertThat(post("/v1/../x", "{}").statusCode()).isEqualTo(400);

        List<RequestLogEntry> rows = GatewayTestSupport.awaitLogRows(APP, 6);

        assertThat(rows).hasSize(6);
        RequestLogEntry plain = only(rows, e -> e.api().equals("openai") && !e.streaming() && e.status() == 200);
        assertThat(plain.requestedModel()).isEqualTo("deepseek-chat");
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.inputTokens()).isEqualTo(7);
        assertThat(plain.outputTokens()).isEqualTo(2);
        assertThat(plain.reasoningTokens()).isEqualTo(1);
        assertThat(plain.firstByteMicros()).isNotNull().isPositive();
        assertThat(plain.latencyMicros()).isGreaterThanOrEqualTo(plain.firstByteMicros());
        assertThat(plain.userAgent()).isEqualTo("log-test/1.0");
        assertThat(plain.apiKeyFingerprint()).startsWith("sha256:").doesNotContain(SECRET);

        RequestLogEntry streamed = only(rows, e -> e.api().equals("openai") && e.streaming());
        assertThat(streamed.inputTokens()).isEqualTo(11);
        assertThat(streamed.cachedTokens()).isEqualTo(2);

        RequestLogEntry anthropicPlain = only(rows, e -> e.api().equals("anthropic") && !e.streaming() && e.status() == 200);
        assertThat(anthropicPlain.requestedModel()).isEqualTo("claude-opus-4-5");
        assertThat(anthropicPlain.upstreamModel()).isEqualTo("deepseek-reasoner");
        assertThat(anthropicPlain.outputTokens()).isEqualTo(2);

        RequestLogEntry anthropicStream = only(rows, e -> e.api().equals("anthropic") && e.streaming());
        assertThat(anthropicStream.inputTokens()).isEqualTo(11);
        assertThat(anthropicStream.path()).isEqualTo("/anthropic/v1/messages");

        RequestLogEntry refused = only(rows, e -> e.status() == 400 && e.api().equals("anthropic"));
        assertThat(refused.errorType()).isEqualTo("invalid_request_error");
        assertThat(refused.errorMessage()).contains("max_tokens");

        RequestLogEntry traversal = only(rows, e -> e.status() == 400 && e.api().equals("openai"));
        assertThat(traversal.path()).isEqualTo("/v1/../x");
        assertThat(traversal.errorType()).isEqualTo("invalid_request_error");

        assertThat(rows).allSatisfy(row -> assertThat(row.toString()).doesNotContain(SECRET));
        assertThat(rows).as("bodies are not kept by default")
                .allSatisfy(row -> assertThat(row.requestBody()).isNull())
                .allSatisfy(row -> assertThat(row.responseBody()).isNull());
    }

    private static RequestLogEntry only(List<RequestLogEntry> rows, Predicate<RequestLogEntry> which) {
        List<RequestLogEntry> matching = rows.stream().filter(which).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }
}
