package dev.optoant.app.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optoant.app.GatewayTestSupport;
import dev.optoant.app.OptoantApplication;
import dev.optoant.app.OptoantConfiguration;
import dev.optoant.app.StubUpstream;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A 1 GiB body, declared or chunked, is generated on the fly (never held in memory) and refused with a 413 once the
 * limit is passed: the gateway does not read on to the end, and the client learns it long before it could finish.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class HugeBodyTest {
    private static final long ONE_GIB = 1L << 30;
    private static final long LIMIT = 1L << 20;
    @RegisterExtension
    static final StubUpstream UPSTREAM = StubUpstream.startOrFail();
    private static final DropwizardAppExtension<OptoantConfiguration> APP = new DropwizardAppExtension<>(
            OptoantApplication.class, GatewayTestSupport.CONFIG, GatewayTestSupport.overrides(UPSTREAM.baseUrl(),
                    ConfigOverride.config("limits.maxRequestBody", "1MiB")));

    /** A well-formed start whose string never ends: only the size limit can stop it. */
    private static final byte[] OPEN_STRING = ("{\"model\":\"claude-x\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\","
            + "\"content\":\"").getBytes(java.nio.charset.StandardCharsets.UTF_8);

    @ParameterizedTest(name = "{0} chunked={1}")
    @CsvSource({
            "/v1/chat/completions, false",
            "/v1/chat/completions, true",
            "/anthropic/v1/messages, false",
            "/anthropic/v1/messages, true",
            "/anthropic/v1/messages/count_tokens, true"})
    void aGibibyteBodyIsRefusedEarly(String path, boolean chunked) throws Exception {
        GatewayHealth.routeChat(UPSTREAM);
        String framing = chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + ONE_GIB + "\r\n";
        String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" + framing + "\r\n";
        AtomicLong sent = new AtomicLong();

        RawResponse response = RawHttp.streamBody(APP.getLocalPort(), head, OPEN_STRING, ONE_GIB, chunked, sent);

        ErrorShapes.forPath(path, response, 413);
        // the limit plus what the two sockets' buffers hold; a gateway reading on would take the whole GiB
        assertThat(sent.get()).as("bytes the client got to send").isLessThan(64L << 20);
        if (!chunked) {
            assertThat(UPSTREAM.received()).as("a declared length over the limit is refused unread").isEmpty();
        }
        assertThat(UPSTREAM.received()).allSatisfy(received ->
                assertThat((long) received.body().length).isLessThanOrEqualTo(LIMIT));
    }

    @AfterAll
    static void theGatewayIsHealthyAfterwards() throws Exception {
        GatewayHealth.assertHealthy(APP, UPSTREAM);
    }
}
