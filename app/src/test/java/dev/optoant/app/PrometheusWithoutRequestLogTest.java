package dev.optoant.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With the request log switched off the request metrics still count, and client-made model names stay bounded. */
@ExtendWith(DropwizardExtensionsSupport.class)
class PrometheusWithoutRequestLogTest {
    @RegisterExtension
    static final StubUpstream UPSTREAM = StubUpstream.startOrFail();
    private static final DropwizardAppExtension<OptoantConfiguration> APP = new DropwizardAppExtension<>(
            OptoantApplication.class, GatewayTestSupport.CONFIG, GatewayTestSupport.overrides(UPSTREAM.baseUrl(),
                    ConfigOverride.config("requestLog.enabled", "false")));
    private static final int DISTINCT_MODELS = RequestMeters.MAX_LEARNED_MODELS + 10;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private int post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + APP.getLocalPort()
                        + "/v1/chat/completions")).header("Authorization", "Bearer sk-no-log-secret")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void manyDistinctModelNamesFoldIntoOtherBeyondTheCap() throws Exception {
        UPSTREAM.route("/v1/chat/completions", ex -> StubUpstream.send(ex, 200, "application/json",
                "{\"choices\":[],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1}}"));

        assertThat(post("{\"model\":\"deepseek-chat\"}")).isEqualTo(200);
        for (int i = 0; i < DISTINCT_MODELS; i++) {
            assertThat(post("{\"model\":\"client-model-" + i + "\"}")).isEqualTo(200);
        }
        assertThat(post("{\"model\":\"a model name with spaces and \\\"quotes\\\"\"}")).isEqualTo(200);
        int total = DISTINCT_MODELS + 2;

        PrometheusScrape scrape = PrometheusScrape.await(APP.getAdminPort(),
                s -> s.sum("optoant_requests_total", Map.of()) >= total);

        assertThat(scrape.sum("optoant_requests_total", Map.of("api", "openai"))).isEqualTo(total);
        Set<String> models = scrape.series("optoant_requests_total").stream()
                .map(s -> s.labels().get("model")).collect(Collectors.toSet());
        assertThat(models).contains("deepseek-chat", "client-model-0", "other")
                .doesNotContain("client-model-" + (DISTINCT_MODELS - 1));
        assertThat(models.stream().filter(m -> m.startsWith("client-model-")))
                .hasSize(RequestMeters.MAX_LEARNED_MODELS);
        assertThat(scrape.value("optoant_requests_total", Map.of("api", "openai", "model", "other",
                "status_class", "2xx", "streaming", "false"))).isEqualTo(11);
        assertThat(scrape.sum("optoant_tokens_total", Map.of("type", "input"))).isEqualTo(total);
        assertThat(scrape.series("requestLog_queueDepth")).as("no request log, no writer gauges").isEmpty();
        assertThat(scrape.body()).doesNotContain("sk-no-log-secret");
    }

    @Test
    void healthCheckHasNoDatabaseWhenThereIsNone() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + APP.getAdminPort() + "/healthcheck"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"upstream\":{\"healthy\":true").doesNotContain("\"database\"");
    }
}
