package dev.optoant.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the real gateway process prints: application and access log as text or, with {@code LOG_FORMAT=json}, as
 * JSON lines; the access log never carries a credential, whether sent in a header or in the query.
 */
class OperatorLogsTest {
    private static final List<String> SECRETS = List.of("sk-header-bearer-1111", "sk-header-xkey-2222",
            "sk-query-key-3333", "sk-query-apikey-4444", "sk-query-token-5555");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StubUpstream upstream = StubUpstream.startOrFail();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void stopUpstream() {
        upstream.close();
    }

    /** Runs the gateway with the given log format, sends requests carrying secrets, stops it, returns its stdout. */
    private String stdoutAfterSecretRequests(String logFormat) throws Exception {
        upstream.route("/v1/models", ex -> StubUpstream.send(ex, 200, "application/json", "{\"data\":[]}"));
        try (GatewayProcess gateway = GatewayProcess.startAndAwait(Map.of(
                "OPENAI_BACKEND", upstream.baseUrl(),
                "REQUEST_LOG_ENABLED", "false",
                "LOG_FORMAT", logFormat))) {
            HttpResponse<String> models = http.send(HttpRequest.newBuilder(gateway.uri(
                            "/v1/models?key=" + SECRETS.get(2) + "&api_key=" + SECRETS.get(3)
                                    + "&access_token=" + SECRETS.get(4) + "&limit=7"))
                    .header("Authorization", "Bearer " + SECRETS.get(0))
                    .header("x-api-key", SECRETS.get(1))
                    .header("User-Agent", "logs-test/1.0").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(models.statusCode()).isEqualTo(200);
            HttpResponse<String> anthropic = http.send(HttpRequest.newBuilder(gateway.uri("/anthropic/v1/messages"))
                    .header("x-api-key", SECRETS.get(1))
                    .header("User-Agent", "logs-test/1.0")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(anthropic.statusCode()).isEqualTo(400);
            gateway.terminate();
            assertThat(gateway.awaitExit(Duration.ofSeconds(90))).as(gateway.output()).isTrue();
            return gateway.stdout();
        }
    }

    @Test
    void textAccessLogHasRequestLinesWithoutSecrets() throws Exception {
        String stdout = stdoutAfterSecretRequests("text");

        assertThat(stdout).contains("\"GET /v1/models?key=***&api_key=***&access_token=***&limit=7 HTTP/1.1\" 200")
                .contains("\"POST /anthropic/v1/messages HTTP/1.1\" 400")
                .contains("\"logs-test/1.0\"")
                .contains("INFO  [");
        SECRETS.forEach(secret -> assertThat(stdout).doesNotContain(secret));
    }

    @Test
    void jsonFormatPrintsOnlyJsonLinesWithoutSecrets() throws Exception {
        String stdout = stdoutAfterSecretRequests("json");

        List<JsonNode> lines = new ArrayList<>();
        for (String line : stdout.lines().filter(l -> !l.isBlank()).toList()) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).as(stdout).allSatisfy(line -> assertThat(line.isObject()).isTrue());
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.path("level").asText()).isEqualTo("INFO");
            assertThat(line.path("logger").asText()).isNotEmpty();
        });
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.path("method").asText()).isEqualTo("GET");
            assertThat(line.path("uri").asText()).isEqualTo("/v1/models");
            assertThat(line.path("status").asInt()).isEqualTo(200);
            assertThat(line.path("userAgent").asText()).isEqualTo("logs-test/1.0");
        });
        assertThat(lines).anySatisfy(line -> assertThat(line.path("uri").asText()).isEqualTo("/anthropic/v1/messages"));
        SECRETS.forEach(secret -> assertThat(stdout).doesNotContain(secret));
    }
}
