package dev.optoant.app.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optoant.app.GatewayTestSupport;
import dev.optoant.app.OptoantApplication;
import dev.optoant.app.OptoantConfiguration;
import dev.optoant.app.StubUpstream;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An upstream answering with a redirect to another server: the gateway never follows it, so the other server (and
 * the upstream key, which would travel with the request) is never reached. The passthrough hands the redirect to
 * its client as it came; the Anthropic lane, which expects a completion, answers a 502 in Anthropic's shape.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class UpstreamRedirectTest {
    @RegisterExtension
    static final StubUpstream UPSTREAM = StubUpstream.startOrFail();
    @RegisterExtension
    static final StubUpstream ELSEWHERE = StubUpstream.startOrFail();
    private static final DropwizardAppExtension<OptoantConfiguration> APP = new DropwizardAppExtension<>(
            OptoantApplication.class, GatewayTestSupport.CONFIG, GatewayTestSupport.overrides(UPSTREAM.baseUrl(),
                    ConfigOverride.config("upstream.apiKey", "sk-upstream-redirect")));

    private static void redirectEverything(int status) {
        for (String path : new String[] {"/v1/chat/completions", "/v1/models"}) {
            UPSTREAM.route(path, ex -> {
                ex.getResponseHeaders().set("Location", ELSEWHERE.baseUrl() + path);
                StubUpstream.send(ex, status, "application/json", "{\"moved\":true}");
            });
            ELSEWHERE.route(path, ex -> StubUpstream.send(ex, 200, "application/json", GatewayHealth.CHAT_COMPLETION));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void thePassthroughRelaysTheRedirectWithoutFollowingIt(int status) throws Exception {
        redirectEverything(status);

        RawResponse post = RawHttp.post(APP.getLocalPort(), "/v1/chat/completions", "{\"model\":\"deepseek-chat\"}");
        RawResponse get = RawHttp.exchange(APP.getLocalPort(), "GET /v1/models HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        for (RawResponse response : new RawResponse[] {post, get}) {
            assertThat(response.status()).isEqualTo(status);
            assertThat(response.header("Location")).hasValueSatisfying(location -> assertThat(location).startsWith(ELSEWHERE.baseUrl()));
            assertThat(response.body()).isEqualTo("{\"moved\":true}");
        }
        assertThat(UPSTREAM.received()).hasSize(2);
        assertThat(ELSEWHERE.received()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void theAnthropicLaneAnswers502WithoutFollowingIt(int status) throws Exception {
        redirectEverything(status);

        RawResponse plain = RawHttp.post(APP.getLocalPort(), "/anthropic/v1/messages", GatewayHealth.ANTHROPIC_HELLO);
        RawResponse streamed = RawHttp.post(APP.getLocalPort(), "/anthropic/v1/messages",
                GatewayHealth.ANTHROPIC_HELLO.replace("{", "{\"stream\":true,"));

        ErrorShapes.anthropic(plain, 502);
        ErrorShapes.anthropic(streamed, 502);
        assertThat(plain.header("Location")).isEmpty();
        assertThat(UPSTREAM.received()).hasSize(2);
        assertThat(ELSEWHERE.received()).isEmpty();
    }

    @AfterAll
    static void theGatewayIsHealthyAfterwards() throws Exception {
        GatewayHealth.assertHealthy(APP, UPSTREAM);
    }
}
