package dev.optoant.app.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optoant.app.GatewayTestSupport;
import dev.optoant.app.OptoantApplication;
import dev.optoant.app.OptoantConfiguration;
import dev.optoant.app.StubUpstream;
import dev.optoant.domain.log.KeyFingerprint;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Requests carrying distinctive secrets in {@code Authorization}, {@code x-api-key} and the query, succeeding and
 * failing on both lanes, with an upstream key configured too. Afterwards nothing observable holds any of them: the
 * process log (application and HTTP request log), every column of every request-log row, the admin request API,
 * the admin metrics, the error bodies clients got. The log keeps only the key's fingerprint.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SecretsStayOutTest {
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String BEARER = "sk-bearer-secret-" + RUN;
    private static final String X_API_KEY = "sk-ant-xkey-secret-" + RUN;
    private static final String QUERY = "query-secret-" + RUN;
    private static final String UPSTREAM_KEY = "sk-upstream-secret-" + RUN;
    private static final String ADMIN_TOKEN = "admin-secret-" + RUN;
    private static final List<String> SECRETS = List.of(BEARER, X_API_KEY, QUERY, UPSTREAM_KEY, ADMIN_TOKEN);
    private static final String LAST_AGENT = "last-request-" + RUN;

    private static final CapturedOutput OUTPUT = CapturedOutput.start();
    @RegisterExtension
    static final StubUpstream UPSTREAM = StubUpstream.startOrFail();
    private static final DropwizardAppExtension<OptoantConfiguration> APP =
            GatewayTestSupport.appWithRequestLog(UPSTREAM.baseUrl(),
                    ConfigOverride.config("upstream.apiKey", UPSTREAM_KEY),
                    ConfigOverride.config("adminApi.token", ADMIN_TOKEN));
    private static final List<RawResponse> ANSWERS = new ArrayList<>();
    /** What the upstream received, kept before the stub forgets it ahead of each test. */
    private static final List<StubUpstream.Received> UPSTREAM_SAW = new ArrayList<>();
    private static int requests;

    @BeforeAll
    static void sendRequestsCarryingSecrets() throws Exception {
        String bearer = "Authorization: Bearer " + BEARER;
        String xKey = "x-api-key: " + X_API_KEY;
        String query = "?api_key=" + QUERY + "&key=" + QUERY;
        GatewayHealth.routeChat(UPSTREAM);
        UPSTREAM.route("/v1/models", ex -> StubUpstream.send(ex, 401, "application/json",
                "{\"error\":{\"message\":\"Incorrect API key provided: sk-****\",\"type\":\"invalid_request_error\"}}"));
        int port = APP.getLocalPort();

        send(RawHttp.post(port, "/v1/chat/completions" + query, "{\"model\":\"deepseek-chat\",\"messages\":[]}", bearer));
        send(RawHttp.post(port, "/v1/chat/completions" + query, "{\"model\":\"deepseek-chat\",\"messages\":[]}", xKey));
        send(RawHttp.post(port, "/anthropic/v1/messages" + query, GatewayHealth.ANTHROPIC_HELLO, xKey));
        send(RawHttp.post(port, "/anthropic/v1/messages" + query, GatewayHealth.ANTHROPIC_HELLO, bearer));
        send(RawHttp.post(port, "/anthropic/v1/messages" + query, "{\"model\":", xKey, bearer));
        send(RawHttp.post(port, "/anthropic/v1/messages/count_tokens" + query, "[]", xKey));
        send(RawHttp.exchange(port, "GET /v1/models" + query + " HTTP/1.1\r\nHost: localhost\r\n" + bearer
                + "\r\nConnection: close\r\n\r\n"));
        send(RawHttp.exchange(port, "BREW /v1/models" + query + " HTTP/1.1\r\nHost: localhost\r\n" + bearer
                + "\r\nConnection: close\r\n\r\n"));
        send(RawHttp.exchange(port, "GET /v1/../admin" + query + " HTTP/1.1\r\nHost: localhost\r\n" + xKey
                + "\r\nConnection: close\r\n\r\n"));
        send(RawHttp.exchange(port, "POST /anthropic/v1/messages" + query + " HTTP/1.1\r\nHost: localhost\r\n" + xKey
                + "\r\nContent-Length: 99999999999\r\nConnection: close\r\n\r\n"));
        send(RawHttp.exchange(port, "GET /anthropic/v1/models" + query + " HTTP/1.1\r\nHost: localhost\r\n" + xKey
                + "\r\nUser-Agent: " + LAST_AGENT + "\r\nConnection: close\r\n\r\n"));
        UPSTREAM_SAW.addAll(UPSTREAM.received());
    }

    private static void send(RawResponse response) {
        ANSWERS.add(response);
        requests++;
    }

    @Test
    void theUpstreamGetsOnlyTheConfiguredKey() {
        assertThat(UPSTREAM_SAW).hasSize(5).allSatisfy(received -> {
            assertThat(received.headers().getFirst("Authorization")).isEqualTo("Bearer " + UPSTREAM_KEY);
            assertThat(received.headers().containsKey("x-api-key")).isFalse();
        });
    }

    @Test
    void clientsGetNoSecretBack() {
        assertThat(ANSWERS).hasSize(requests).allSatisfy(answer -> assertNoSecret("answer", answer.toString()));
    }

    @Test
    void requestLogRowsHoldOnlyTheFingerprint() throws Exception {
        GatewayTestSupport.awaitLogRows(APP, requests - 2);
        List<String> rows = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + GatewayTestSupport.databasePort(APP) + "/postgres", "postgres", "");
                Statement sql = db.createStatement();
                ResultSet result = sql.executeQuery("select row_to_json(r)::text from request_log r")) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }

        assertThat(rows).hasSizeGreaterThanOrEqualTo(requests - 2);
        assertThat(rows).allSatisfy(row -> assertNoSecret("request_log row", row));
        String all = String.join("\n", rows);
        assertThat(all).contains(KeyFingerprint.of(BEARER), KeyFingerprint.of(X_API_KEY));
    }

    @Test
    void theAdminApiShowsNoSecret() throws Exception {
        GatewayTestSupport.awaitLogRows(APP, requests - 2);
        RawResponse rows = RawHttp.exchange(APP.getAdminPort(), "GET /requests?limit=1000 HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + ADMIN_TOKEN + "\r\nConnection: close\r\n\r\n");
        RawResponse usage = RawHttp.exchange(APP.getAdminPort(), "GET /requests/usage HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + ADMIN_TOKEN + "\r\nConnection: close\r\n\r\n");
        RawResponse metrics = RawHttp.exchange(APP.getAdminPort(), "GET /metrics HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");

        assertThat(rows.status()).isEqualTo(200);
        assertThat(rows.body()).contains(KeyFingerprint.of(BEARER));
        assertThat(usage.status()).isEqualTo(200);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("upstream.connections.leased");
        assertNoSecret("admin /requests", rows.body().replace(ADMIN_TOKEN, ""));
        assertNoSecret("admin /requests/usage", usage.body());
        assertNoSecret("admin /metrics", metrics.body());
    }

    @Test
    void theProcessLogShowsNoSecret() throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!OUTPUT.text().contains(LAST_AGENT) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        String log = OUTPUT.text();

        assertThat(log).as("the HTTP request log reached the captured output").contains(LAST_AGENT);
        assertThat(log).contains("GET /v1/models");
        assertNoSecret("process log", log);
    }

    private static void assertNoSecret(String where, String text) {
        for (String secret : SECRETS) {
            assertThat(text).as(where + " must not hold " + secret).doesNotContain(secret);
        }
    }

    @AfterAll
    static void stopCapturing() {
        OUTPUT.close();
    }
}
