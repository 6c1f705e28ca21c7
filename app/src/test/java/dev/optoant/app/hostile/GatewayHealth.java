package dev.optoant.app.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optoant.app.OptoantConfiguration;
import dev.optoant.app.StubUpstream;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;

/** After a barrage of hostile input: the gateway still serves ordinary requests on both lanes and reports healthy. */
final class GatewayHealth {
    static final String CHAT_COMPLETION = "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,"
            + "\"model\":\"deepseek-chat\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"fine\"},"
            + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,\"total_tokens\":4}}";
    static final String ANTHROPIC_HELLO = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":10,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

    private GatewayHealth() {
    }

    /** Answers every chat completion with {@link #CHAT_COMPLETION}. */
    static void routeChat(StubUpstream upstream) {
        upstream.route("/v1/chat/completions", ex -> StubUpstream.send(ex, 200, "application/json", CHAT_COMPLETION));
    }

    static void assertHealthy(DropwizardAppExtension<OptoantConfiguration> app, StubUpstream upstream)
            throws IOException {
        routeChat(upstream);
        int port = app.getLocalPort();
        RawResponse health = RawHttp.exchange(port, "GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");

        RawResponse openAi = RawHttp.post(port, "/v1/chat/completions",
                "{\"model\":\"deepseek-chat\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
        assertThat(openAi.status()).as(openAi.toString()).isEqualTo(200);
        assertThat(openAi.body()).isEqualTo(CHAT_COMPLETION);

        RawResponse anthropic = RawHttp.post(port, "/anthropic/v1/messages", ANTHROPIC_HELLO);
        assertThat(anthropic.status()).as(anthropic.toString()).isEqualTo(200);
        assertThat(anthropic.body()).contains("\"type\":\"message\"", "\"text\":\"fine\"");

        RawResponse checks = RawHttp.exchange(app.getAdminPort(),
                "GET /healthcheck HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(checks.status()).as(checks.toString()).isEqualTo(200);
        assertThat(checks.body()).doesNotContain("\"healthy\":false");
    }
}
