package dev.optoant.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The request log's admin read API end to end: real requests in, then lists, filters, pages and usage read back. */
@ExtendWith(DropwizardExtensionsSupport.class)
class RequestLogAdminApiTest {
    @RegisterExtension
    static final StubUpstream UPSTREAM = StubUpstream.startOrFail();
    private static final String ADMIN_TOKEN = "admin-token-for-tests";
    private static final DropwizardAppExtension<OptoantConfiguration> APP =
            GatewayTestSupport.appWithRequestLog(UPSTREAM.baseUrl(),
                    ConfigOverride.config("requestLog.flushInterval", "20ms"),
                    ConfigOverride.config("adminApi.token", ADMIN_TOKEN));
    private static final int ROWS = 7;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void sendRequestsThroughBothApis() throws Exception {
        UPSTREAM.route("/v1/chat/completions", ex -> {
            if (UPSTREAM.last().bodyText().contains("\"stream\":true")) {
                OutputStream out = StubUpstream.startSse(ex);
                StubUpstream.event(out, "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hi\"},\"finish_reason\":\"stop\"}]}\n\n"
                        + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":3}}\n\n"
                        + "data: [DONE]\n\n");
            } else {
                StubUpstream.send(ex, 200, "application/json", "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                        + "\"content\":\"hi\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":2}}");
            }
        });
        String chat = "{\"model\":\"deepseek-chat\",\"messages\":[]";
        for (int i = 0; i < 3; i++) {
            assertThat(post("/v1/chat/completions", chat + "}")).isEqualTo(200);
        }
        assertThat(post("/v1/chat/completions", chat + ",\"stream\":true}")).isEqualTo(200);
        String anthropic = "{\"model\":\"claude-opus-4-5\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]";
        assertThat(post("/anthropic/v1/messages", anthropic + "}")).isEqualTo(200);
        assertThat(post("/anthropic/v1/messages", anthropic + ",\"stream\":true}")).isEqualTo(200);
        assertThat(post("/anthropic/v1/messages", "{\"model\":\"claude-x\"}")).isEqualTo(400);
        awaitRows();
    }

    @Test
    void listsEveryRequestNewestFirstInSnakeCase() throws Exception {
        JsonNode data = admin("/requests?limit=1000").get("data");
        assertThat(data).hasSize(ROWS);
        List<Instant> started = new ArrayList<>();
        data.forEach(row -> started.add(Instant.parse(row.get("started_at").asText())));
        assertThat(started).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        JsonNode plain = data.get(ROWS - 1);
        assertThat(plain.get("api").asText()).isEqualTo("openai");
        assertThat(plain.get("requested_model").asText()).isEqualTo("deepseek-chat");
        assertThat(plain.get("input_tokens").asLong()).isEqualTo(7);
        assertThat(plain.get("api_key_fingerprint").asText()).startsWith("sha256:");
        assertThat(plain.has("latency_micros")).isTrue();
        assertThat(plain.get("upstream_attempts").asInt()).isEqualTo(1);
        JsonNode refusedByValidation = data.get(0);
        assertThat(refusedByValidation.get("status").asInt()).isEqualTo(400);
        assertThat(refusedByValidation.get("upstream_attempts").isInt()).isTrue();
        assertThat(refusedByValidation.get("upstream_attempts").asInt()).isZero();
    }

    @Test
    void filtersNarrowTheList() throws Exception {
        assertThat(admin("/requests?api=anthropic").get("data")).hasSize(3)
                .allSatisfy(row -> assertThat(row.get("api").asText()).isEqualTo("anthropic"));
        assertThat(admin("/requests?model=deepseek-chat").get("data")).hasSize(4);
        assertThat(admin("/requests?api=openai&model=deepseek-chat&status=200").get("data")).hasSize(4);
        JsonNode errors = admin("/requests?errors=true").get("data");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("status").asInt()).isEqualTo(400);
        assertThat(errors.get(0).get("error_type").asText()).isEqualTo("invalid_request_error");
        assertThat(admin("/requests?status=400").get("data")).hasSize(1);
        Instant first = Instant.parse(admin("/requests?limit=1000").get("data").get(ROWS - 1).get("started_at").asText());
        assertThat(admin("/requests?from=" + first.plusSeconds(3600)).get("data")).isEmpty();
        assertThat(admin("/requests?to=" + first).get("data")).isEmpty();
        assertThat(admin("/requests?from=" + first + "&to=" + first.plusSeconds(3600)).get("data")).hasSize(ROWS);
    }

    @Test
    void pagesFollowTheCursorWithoutOverlap() throws Exception {
        Set<String> seen = new HashSet<>();
        List<Integer> sizes = new ArrayList<>();
        String next = null;
        do {
            JsonNode page = admin("/requests?limit=3" + (next == null ? "" : "&before=" + next));
            page.get("data").forEach(row -> assertThat(seen.add(row.get("id").asText())).isTrue());
            sizes.add(page.get("data").size());
            next = page.get("next").isNull() ? null : page.get("next").asText();
        } while (next != null && sizes.size() < 10);
        assertThat(sizes).containsExactly(3, 3, 1);
        assertThat(seen).hasSize(ROWS);
        JsonNode fullLastPage = admin("/requests?limit=" + ROWS);
        assertThat(fullLastPage.get("next").asText()).isEqualTo(fullLastPage.get("data").get(ROWS - 1).get("id").asText());
        assertThat(admin("/requests?limit=3&before=" + fullLastPage.get("next").asText()).get("data")).isEmpty();
    }

    @Test
    void usageSummarisesByModel() throws Exception {
        JsonNode data = admin("/requests/usage").get("data");
        JsonNode chat = byModel(data, "deepseek-chat");
        assertThat(chat.get("requests").asLong()).isEqualTo(4);
        assertThat(chat.get("errors").asLong()).isZero();
        assertThat(chat.get("input_tokens").asLong()).isEqualTo(3 * 7 + 11);
        assertThat(chat.get("output_tokens").asLong()).isEqualTo(3 * 2 + 3);
        assertThat(chat.get("latency_p95_micros").asDouble()).isPositive();
        assertThat(chat.get("day").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(byModel(data, "claude-opus-4-5").get("requests").asLong()).isEqualTo(2);
        assertThat(byModel(data, "claude-x").get("errors").asLong()).isEqualTo(1);
        assertThat(admin("/requests/usage?from=2020-01-01&to=2020-01-08").get("data")).isEmpty();
    }

    @Test
    void badParametersAreA400InTheOpenAiErrorShape() throws Exception {
        for (String query : List.of("/requests?from=yesterday", "/requests?before=nope", "/requests?limit=many",
                "/requests?limit=0", "/requests?errors=maybe", "/requests/usage?to=later")) {
            HttpResponse<String> response = get(APP.getAdminPort(), query, ADMIN_TOKEN);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            JsonNode error = JSON.readTree(response.body()).get("error");
            assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
            assertThat(error.get("code").asText()).isEqualTo("invalid_request");
            assertThat(error.get("message").asText()).contains("Invalid query parameter");
        }
    }

    @Test
    void theAdminTokenIsRequiredWhenSet() throws Exception {
        assertThat(get(APP.getAdminPort(), "/requests", null).statusCode()).isEqualTo(401);
        assertThat(get(APP.getAdminPort(), "/requests/usage", "wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> refused = get(APP.getAdminPort(), "/requests?limit=bad", null);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(refused.body()).get("error").get("type").asText()).isEqualTo("authentication_error");
        assertThat(get(APP.getAdminPort(), "/requests", ADMIN_TOKEN).statusCode()).isEqualTo(200);
        assertThat(get(APP.getAdminPort(), "/requests/usage", ADMIN_TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void theDocumentedEntrySchemaNamesExactlyTheFieldsOfARow() throws Exception {
        HttpResponse<String> spec = get(APP.getLocalPort(), "/openapi.json", null);
        assertThat(spec.statusCode()).isEqualTo(200);
        List<String> documented = new ArrayList<>();
        JSON.readTree(spec.body()).at("/components/schemas/RequestLogEntry/properties").fieldNames()
                .forEachRemaining(documented::add);
        List<String> served = new ArrayList<>();
        admin("/requests?limit=1").get("data").get(0).fieldNames().forEachRemaining(served::add);

        assertThat(documented).contains("upstream_attempts").containsExactlyElementsOf(served);
    }

    @Test
    void theApplicationPortDoesNotServeIt() throws Exception {
        assertThat(get(APP.getLocalPort(), "/requests", ADMIN_TOKEN).statusCode()).isEqualTo(404);
        assertThat(get(APP.getLocalPort(), "/requests/usage", ADMIN_TOKEN).statusCode()).isEqualTo(404);
    }

    private static JsonNode byModel(JsonNode data, String model) {
        List<JsonNode> rows = StreamSupport.stream(data.spliterator(), false)
                .filter(row -> model.equals(row.get("model").asText(null))).toList();
        assertThat(rows).as(model).hasSize(1);
        return rows.get(0);
    }

    private static int post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + APP.getLocalPort() + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer sk-client")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static HttpResponse<String> get(int port, String pathAndQuery, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode admin(String pathAndQuery) throws Exception {
        HttpResponse<String> response = get(APP.getAdminPort(), pathAndQuery, ADMIN_TOKEN);
        assertThat(response.statusCode()).as(pathAndQuery + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Polls the admin API itself until every request's row has been written, or fails after a deadline. */
    private static void awaitRows() throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (admin("/requests?limit=1000").get("data").size() < ROWS && System.nanoTime() < deadline) {
            Thread.sleep(25);
        }
        assertThat(admin("/requests?limit=1000").get("data")).hasSize(ROWS);
    }
}
