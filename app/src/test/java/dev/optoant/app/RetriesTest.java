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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Upstream failures before the client's first byte are retried within the budget, on both lanes; one log row each,
 * which counts the attempts made.
 * That an answer which began is never retried is checked by {@code chaos.ChaosUpstreamTest} (one attempt per fault).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RetriesTest {
    @RegisterExtension
    static final StubUpstream UPSTREAM = StubUpstream.startOrFail();
    private static final DropwizardAppExtension<OptoantConfiguration> APP =
            GatewayTestSupport.appWithRequestLog(UPSTREAM.baseUrl(),
                    ConfigOverride.config("upstream.retries.maxAttempts", "3"),
                    ConfigOverride.config("upstream.retries.initialBackoff", "10ms"),
                    ConfigOverride.config("upstream.retries.maxBackoff", "20ms"),
                    ConfigOverride.config("upstream.retries.maxRetryAfter", "1s"),
                    ConfigOverride.config("limits.maxRequestBody", "4KiB"));
    private static final AtomicInteger SENT = new AtomicInteger();
    private static final String COMPLETION = "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,"
            + "\"model\":\"deepseek-chat\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
            + "\"content\":\"Hello\"},\"finish_reason\":\"stop\"}]}";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** Fails with {@code status} (and Retry-After if given) for the first {@code failures} attempts, then answers. */
    private static AtomicInteger failThenAnswer(int failures, int status, String retryAfter) {
        AtomicInteger attempts = new AtomicInteger();
        UPSTREAM.route("/v1/chat/completions", exchange -> {
            int attempt = attempts.incrementAndGet();
            if (attempt <= failures) {
                if (retryAfter != null) {
                    exchange.getResponseHeaders().set("Retry-After", retryAfter);
                }
                StubUpstream.send(exchange, status, "application/json",
                        "{\"error\":{\"message\":\"failure on attempt " + attempt + "\",\"type\":\"server_error\"}}");
            } else if (new String(UPSTREAM.last().body()).contains("\"stream\":true")) {
                OutputStream out = StubUpstream.startSse(exchange);
                StubUpstream.event(out, OpenAiPassthroughTest.chunk("Hello", "stop") + "data: [DONE]\n\n");
                out.close();
            } else {
                StubUpstream.send(exchange, 200, "application/json", COMPLETION);
            }
        });
        return attempts;
    }

    @ParameterizedTest(name = "{0} stream={1}")
    @CsvSource({"/v1/chat/completions,false", "/v1/chat/completions,true",
            "/anthropic/v1/messages,false", "/anthropic/v1/messages,true"})
    void twoFailuresThenSuccessIsASuccessAfterThreeAttempts(String path, boolean stream) throws Exception {
        AtomicInteger attempts = failThenAnswer(2, 503, null);

        HttpResponse<String> response = post(path, stream);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Hello").doesNotContain("failure on attempt");
        assertThat(attempts).hasValue(3);
        RequestLogEntry row = lastRow();
        assertThat(row.errorType()).isNull();
        assertThat(row.upstreamAttempts()).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0} stream={1}")
    @CsvSource({"/v1/chat/completions,false", "/v1/chat/completions,true",
            "/anthropic/v1/messages,false", "/anthropic/v1/messages,true"})
    void aFirstAttemptThatSucceedsIsLoggedAsOneAttempt(String path, boolean stream) throws Exception {
        AtomicInteger attempts = failThenAnswer(0, 503, null);

        HttpResponse<String> response = post(path, stream);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(attempts).hasValue(1);
        assertThat(lastRow().upstreamAttempts()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/v1/chat/completions", "/anthropic/v1/messages"})
    void aRequestRefusedBeforeTheUpstreamIsLoggedWithNoAttempt(String path) throws Exception {
        AtomicInteger attempts = failThenAnswer(0, 503, null);
        String tooLarge = "{\"model\":\"deepseek-chat\",\"padding\":\"" + "x".repeat(8192) + "\"}";

        HttpResponse<String> response = post(path, tooLarge);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(attempts).hasValue(0);
        RequestLogEntry row = lastRow();
        assertThat(row.status()).isEqualTo(413);
        assertThat(row.upstreamAttempts()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/v1/chat/completions,502,upstream_http_502", "/anthropic/v1/messages,500,api_error"})
    void beyondTheBudgetTheLastErrorReachesTheClient(String path, int clientStatus, String loggedError)
            throws Exception {
        AtomicInteger attempts = failThenAnswer(99, 502, null);

        HttpResponse<String> response = post(path, false);

        assertThat(response.statusCode()).isEqualTo(clientStatus);
        assertThat(response.body()).contains("failure on attempt 3");
        assertThat(attempts).hasValue(3);
        RequestLogEntry row = lastRow();
        assertThat(row.errorType()).isEqualTo(loggedError);
        assertThat(row.upstreamAttempts()).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/v1/chat/completions", "/anthropic/v1/messages"})
    void aRateLimitWithAShortRetryAfterIsWaitedOutAndRetried(String path) throws Exception {
        AtomicInteger attempts = failThenAnswer(1, 429, "1");

        HttpResponse<String> response = post(path, false);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(attempts).hasValue(2);
        assertThat(lastRow().upstreamAttempts()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/v1/chat/completions", "/anthropic/v1/messages"})
    void aRateLimitWithALongRetryAfterGoesStraightToTheClient(String path) throws Exception {
        AtomicInteger attempts = failThenAnswer(1, 429, "3600");

        HttpResponse<String> response = post(path, false);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.body()).contains("failure on attempt 1");
        assertThat(attempts).hasValue(1);
        RequestLogEntry row = lastRow();
        assertThat(row.status()).isEqualTo(429);
        assertThat(row.upstreamAttempts()).isEqualTo(1);
    }

    private HttpResponse<String> post(String path, boolean stream) throws Exception {
        String body = path.startsWith("/anthropic")
                ? "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"stream\":" + stream + "}"
                : "{\"model\":\"deepseek-chat\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"stream\":" + stream + "}";
        return post(path, body);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        SENT.incrementAndGet();
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + APP.getLocalPort() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static RequestLogEntry lastRow() throws InterruptedException {
        List<RequestLogEntry> rows = GatewayTestSupport.awaitLogRows(APP, SENT.get());
        assertThat(rows).as("one row per request, whatever the attempts").hasSize(SENT.get());
        return rows.get(0);
    }
}
