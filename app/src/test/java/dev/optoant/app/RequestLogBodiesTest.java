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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With body capture on, rows keep request and response bodies of both lanes, and still no credential. */
@ExtendWith(DropwizardExtensionsSupport.class)
class RequestLogBodiesTest {
    @RegisterExtension
    static final StubUpstream UPSTREAM = StubUpstream.startOrFail();
    private static final DropwizardAppExtension<OptoantConfiguration> APP =
            GatewayTestSupport.appWithRequestLog(UPSTREAM.baseUrl(),
                    ConfigOverride.config("requestLog.captureBodies", "true"),
                    ConfigOverride.config("requestLog.flushInterval", "20ms"));
    private static final String SECRET = "sk-body-test-secret";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private void post(String path, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + APP.getLocalPort() + path))
                .header("Content-Type", "application/json")
                .header("x-api-key", SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void bodiesOfBothLanesAreKept() throws Exception {
        UPSTREAM.route("/v1/chat/completions", ex -> {
            if (UPSTREAM.last().bodyText().contains("\"stream\":true")) {
                OutputStream out = StubUpstream.startSse(ex);
                StubUpstream.event(out, "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"streamed-answer\"},"
                        + "\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n");
            } else {
                StubUpstream.send(ex, 200, "application/json", "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                        + "\"content\":\"plain-answer\"},\"finish_reason\":\"stop\"}]}");
            }
        });

        post("/v1/chat/completions", "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"openai-question\"}]}");
        post("/anthropic/v1/messages", "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":10,\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"anthropic-question\"}]}");

        List<RequestLogEntry> rows = GatewayTestSupport.awaitLogRows(APP, 2);

        RequestLogEntry openai = rows.stream().filter(r -> r.api().equals("openai")).findFirst().orElseThrow();
        assertThat(openai.requestBody()).contains("openai-question");
        assertThat(openai.responseBody()).contains("plain-answer");
        RequestLogEntry anthropic = rows.stream().filter(r -> r.api().equals("anthropic")).findFirst().orElseThrow();
        assertThat(anthropic.requestBody()).contains("anthropic-question");
        assertThat(anthropic.responseBody()).contains("event: message_start").contains("streamed-answer");
        assertThat(rows).allSatisfy(row -> assertThat(row.toString()).doesNotContain(SECRET));
    }
}
