package dev.optoant.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.RateLimitException;
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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The admin port's Prometheus scrape after real requests through both APIs, and the readiness checks. */
@ExtendWith(DropwizardExtensionsSupport.class)
class PrometheusMetricsTest {
    @RegisterExtension
    static final StubUpstream UPSTREAM = StubUpstream.startOrFail();
    private static final DropwizardAppExtension<OptoantConfiguration> APP = new DropwizardAppExtension<>(
            OptoantApplication.class, GatewayTestSupport.CONFIG, GatewayTestSupport.overrides(UPSTREAM.baseUrl()));
    private static final String SECRET = "sk-metrics-test-secret-4711";
    private static final String USAGE_CHUNK = "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
            + "\"model\":\"deepseek-chat\",\"choices\":[],\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":3,"
            + "\"total_tokens\":14,\"prompt_cache_hit_tokens\":2}}\n\n";
    private static final String COMPLETION = "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,"
            + "\"model\":\"deepseek-chat\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"hi\","
            + "\"refusal\":null},\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":7,"
            + "\"completion_tokens\":2,\"total_tokens\":9,\"completion_tokens_details\":{\"reasoning_tokens\":1}}}";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private OpenAIClient openai() {
        return OpenAIOkHttpClient.builder().baseUrl("http://localhost:" + APP.getLocalPort() + "/v1")
                .apiKey(SECRET).maxRetries(0).build();
    }

    private AnthropicClient anthropic() {
        return AnthropicOkHttpClient.builder().baseUrl("http://localhost:" + APP.getLocalPort() + "/anthropic")
                .apiKey(SECRET).maxRetries(0).build();
    }

    private static ChatCompletionCreateParams chat(String model) {
        return ChatCompletionCreateParams.builder().model(model).addUserMessage("Hi").build();
    }

    private static MessageCreateParams hello(String model) {
        return MessageCreateParams.builder().model(model).maxTokens(100).addUserMessage("Hello!").build();
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, String body) throws Exception {
        if (body.contains("rate-limited-model")) {
            StubUpstream.send(exchange, 429, "application/json", "{\"error\":{\"message\":\"slow down\"}}");
        } else if (body.contains("\"stream\":true")) {
            OutputStream out = StubUpstream.startSse(exchange);
            StubUpstream.event(out, OpenAiPassthroughTest.chunk("hi", null));
            StubUpstream.event(out, OpenAiPassthroughTest.chunk("", "stop") + USAGE_CHUNK + "data: [DONE]\n\n");
        } else {
            StubUpstream.send(exchange, 200, "application/json", COMPLETION);
        }
    }

    @Test
    void scrapeCountsRequestsLatencyTokensAndErrorsWithoutSecrets() throws Exception {
        UPSTREAM.route("/v1/chat/completions", ex -> answer(ex, UPSTREAM.last().bodyText()));

        openai().chat().completions().create(chat("deepseek-chat"));
        try (var stream = openai().chat().completions().createStreaming(chat("deepseek-chat"))) {
            assertThat(stream.stream().count()).isEqualTo(3);
        }
        assertThatThrownBy(() -> openai().chat().completions().create(chat("rate-limited-model")))
                .isInstanceOf(RateLimitException.class);
        anthropic().messages().create(hello("claude-sonnet-4-5"));
        try (StreamResponse<RawMessageStreamEvent> stream = anthropic().messages().createStreaming(hello("claude-opus-4-5"))) {
            assertThat(stream.stream().count()).isGreaterThan(3);
        }
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + APP.getLocalPort() + "/anthropic/v1/messages"))
                .header("x-api-key", SECRET).POST(HttpRequest.BodyPublishers.ofString("{not json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);

        PrometheusScrape scrape = PrometheusScrape.await(APP.getAdminPort(),
                s -> s.sum("optoant_requests_total", Map.of()) >= 6 && s.sum("requestLog_rowsWritten", Map.of()) >= 6);

        assertThat(scrape.contentType()).startsWith("text/plain; version=0.0.4");
        assertThat(scrape.body()).doesNotContain(SECRET).doesNotContain("metrics-test-secret");

        assertThat(scrape.sum("optoant_requests_total", Map.of())).isEqualTo(6);
        assertThat(scrape.value("optoant_requests_total", Map.of("api", "openai", "model", "deepseek-chat",
                "status_class", "2xx", "streaming", "false"))).isEqualTo(1);
        assertThat(scrape.value("optoant_requests_total", Map.of("api", "openai", "model", "deepseek-chat",
                "status_class", "2xx", "streaming", "true"))).isEqualTo(1);
        assertThat(scrape.value("optoant_requests_total", Map.of("api", "openai", "model", "rate-limited-model",
                "status_class", "4xx", "streaming", "false"))).isEqualTo(1);
        assertThat(scrape.value("optoant_requests_total", Map.of("api", "anthropic", "model", "deepseek-chat",
                "status_class", "2xx", "streaming", "false"))).isEqualTo(1);
        assertThat(scrape.value("optoant_requests_total", Map.of("api", "anthropic", "model", "deepseek-reasoner",
                "status_class", "2xx", "streaming", "true"))).isEqualTo(1);
        assertThat(scrape.value("optoant_requests_total", Map.of("api", "anthropic", "model", "none",
                "status_class", "4xx", "streaming", "false"))).isEqualTo(1);

        assertThat(scrape.value("optoant_request_duration_seconds_count", Map.of("api", "openai"))).isEqualTo(3);
        assertThat(scrape.value("optoant_request_duration_seconds_count", Map.of("api", "anthropic"))).isEqualTo(3);
        assertThat(scrape.value("optoant_request_duration_seconds_bucket", Map.of("api", "openai", "le", "+Inf")))
                .isEqualTo(3);
        assertThat(scrape.value("optoant_upstream_first_byte_seconds_count", Map.of("api", "openai"))).isEqualTo(3);
        assertThat(scrape.value("optoant_upstream_first_byte_seconds_count", Map.of("api", "anthropic")))
                .as("the refused request never reached the upstream").isEqualTo(2);

        assertThat(scrape.value("optoant_tokens_total", tokens("openai", "deepseek-chat", "input"))).isEqualTo(18);
        assertThat(scrape.value("optoant_tokens_total", tokens("openai", "deepseek-chat", "output"))).isEqualTo(5);
        assertThat(scrape.value("optoant_tokens_total", tokens("openai", "deepseek-chat", "cached"))).isEqualTo(2);
        assertThat(scrape.value("optoant_tokens_total", tokens("openai", "deepseek-chat", "reasoning"))).isEqualTo(1);
        assertThat(scrape.value("optoant_tokens_total", tokens("anthropic", "deepseek-chat", "input"))).isEqualTo(7);
        assertThat(scrape.value("optoant_tokens_total", tokens("anthropic", "deepseek-reasoner", "input"))).isEqualTo(11);
        assertThat(scrape.value("optoant_tokens_total", tokens("anthropic", "deepseek-reasoner", "output"))).isEqualTo(3);

        assertThat(scrape.value("optoant_errors_total", Map.of("api", "openai", "type", "upstream_http_429")))
                .isEqualTo(1);
        assertThat(scrape.value("optoant_errors_total", Map.of("api", "anthropic", "type", "invalid_request_error")))
                .isEqualTo(1);
        assertThat(scrape.sum("optoant_errors_total", Map.of())).isEqualTo(2);

        assertThat(scrape.value("optoant_streams_in_flight", Map.of("api", "openai"))).isZero();
        assertThat(scrape.value("optoant_streams_in_flight", Map.of("api", "anthropic"))).isZero();

        assertThat(scrape.value("requestLog_rowsWritten", Map.of())).isEqualTo(6);
        assertThat(scrape.value("requestLog_queueDepth", Map.of())).isZero();
        assertThat(scrape.value("requestLog_rowsSpilled", Map.of())).isZero();
        assertThat(scrape.value("requestLog_rowsLost", Map.of())).isZero();
        assertThat(scrape.series("upstream_connections_leased")).hasSize(1);
        assertThat(scrape.sum("io_dropwizard_jetty_MutableServletContextHandler_2xx_responses_total", Map.of()))
                .as("Jetty's metrics, bridged from Dropwizard").isPositive();
    }

    @Test
    void aStreamIsInFlightUntilItEnds() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        UPSTREAM.route("/v1/chat/completions", ex -> {
            OutputStream out = StubUpstream.startSse(ex);
            StubUpstream.event(out, OpenAiPassthroughTest.chunk("hi", null));
            assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
            StubUpstream.event(out, OpenAiPassthroughTest.chunk("", "stop") + "data: [DONE]\n\n");
        });
        CompletableFuture<HttpResponse<String>> response = http.sendAsync(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + APP.getLocalPort() + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + SECRET).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"deepseek-chat\",\"stream\":true}")).build(),
                HttpResponse.BodyHandlers.ofString());
        try {
            PrometheusScrape during = PrometheusScrape.await(APP.getAdminPort(),
                    s -> s.sum("optoant_streams_in_flight", Map.of("api", "openai")) == 1);
            assertThat(during.value("optoant_streams_in_flight", Map.of("api", "openai"))).isEqualTo(1);
            assertThat(during.value("optoant_streams_in_flight", Map.of("api", "anthropic"))).isZero();
        } finally {
            release.countDown();
        }
        assertThat(response.get(30, TimeUnit.SECONDS).body()).endsWith("data: [DONE]\n\n");

        PrometheusScrape after = PrometheusScrape.await(APP.getAdminPort(),
                s -> s.sum("optoant_streams_in_flight", Map.of("api", "openai")) == 0);
        assertThat(after.value("optoant_streams_in_flight", Map.of("api", "openai"))).isZero();
    }

    @Test
    void healthCheckShowsTheDatabaseTheWriterAndTheUpstream() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + APP.getAdminPort() + "/healthcheck"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"database\":{\"healthy\":true")
                .contains("\"request-log-writer\":{\"healthy\":true")
                .contains("\"upstream\":{\"healthy\":true");
    }

    private static Map<String, String> tokens(String api, String model, String type) {
        return Map.of("api", api, "model", model, "type", type);
    }
}
