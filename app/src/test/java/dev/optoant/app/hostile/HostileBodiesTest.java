package dev.optoant.app.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.optoant.app.GatewayTestSupport;
import dev.optoant.app.OptoantApplication;
import dev.optoant.app.OptoantConfiguration;
import dev.optoant.app.StubUpstream;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile JSON bodies against the running gateway. The Anthropic lane parses them and must answer a 400 in
 * Anthropic's shape without calling the upstream; the OpenAI lane is a byte-exact passthrough, so it must hand the
 * bytes over unchanged and relay the upstream's own verdict. Neither may fail, hang, or leak internals.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class HostileBodiesTest {
    @RegisterExtension
    static final StubUpstream UPSTREAM = StubUpstream.startOrFail();
    private static final DropwizardAppExtension<OptoantConfiguration> APP = new DropwizardAppExtension<>(
            OptoantApplication.class, GatewayTestSupport.CONFIG, GatewayTestSupport.overrides(UPSTREAM.baseUrl()));
    private static final String UPSTREAM_REFUSAL = "{\"error\":{\"message\":\"We could not parse the JSON body of your"
            + " request.\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}";
    private static final int DEPTH = 100_000;

    static Stream<Arguments> hostileBodies() {
        return Stream.of(
                Arguments.of("invalid UTF-8 in a string", request("\"content\":\"", new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE}, "\"")),
                Arguments.of("invalid UTF-8 in a key", concat("{\"mo".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF},
                        "del\":\"claude-x\",\"max_tokens\":10,\"messages\":[]}".getBytes(StandardCharsets.UTF_8))),
                Arguments.of("overlong UTF-8 slash", request("\"content\":\"", new byte[] {(byte) 0xC0, (byte) 0xAF}, "\"")),
                Arguments.of("UTF-8 encoded lone surrogate", request("\"content\":\"", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\"")),
                Arguments.of("truncated multi-byte sequence at the end", concat("{\"model\":\"claude-x".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xE6, (byte) 0x97})),
                Arguments.of("100k nested arrays", utf8("[".repeat(DEPTH) + "]".repeat(DEPTH))),
                Arguments.of("100k nested objects", utf8("{\"a\":".repeat(DEPTH) + "1" + "}".repeat(DEPTH))),
                Arguments.of("100k nested arrays, unclosed, inside a field", utf8("{\"model\":\"claude-x\",\"max_tokens\":10,\"messages\":" + "[".repeat(DEPTH))),
                Arguments.of("max_tokens 1e400", utf8(hello("1e400"))),
                Arguments.of("max_tokens -1", utf8(hello("-1"))),
                Arguments.of("max_tokens 0", utf8(hello("0"))),
                Arguments.of("max_tokens 2^63", utf8(hello("9223372036854775808"))),
                Arguments.of("max_tokens 2^31", utf8(hello("2147483648"))),
                Arguments.of("max_tokens with 5000 digits", utf8(hello("9".repeat(5000)))),
                Arguments.of("max_tokens NaN", utf8(hello("NaN"))),
                Arguments.of("max_tokens 1.5", utf8(hello("1.5"))),
                Arguments.of("temperature 1e400", utf8("{\"model\":\"claude-x\",\"max_tokens\":10,\"temperature\":1e400,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")),
                Arguments.of("duplicate model key", utf8("{\"model\":\"claude-x\",\"model\":\"gpt-4o\",\"max_tokens\":10,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")),
                Arguments.of("duplicate max_tokens key", utf8("{\"model\":\"claude-x\",\"max_tokens\":10,\"max_tokens\":-5,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")),
                Arguments.of("NUL bytes and control characters", utf8("{\"model\":\"claude-\u0000\u0001\",\"max_tokens\":10,\"messages\":[]}")),
                Arguments.of("trailing garbage after the object", utf8(GatewayHealth.ANTHROPIC_HELLO + "}}}]]]garbage")),
                Arguments.of("a bare string", utf8("\"just a string\"")),
                Arguments.of("binary noise", noise()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileBodies")
    void anthropicLaneAnswers400InItsShapeWithoutCallingTheUpstream(String name, byte[] body) throws Exception {
        RawResponse response = RawHttp.post(APP.getLocalPort(), "/anthropic/v1/messages", body);

        JsonNode error = ErrorShapes.anthropic(response, 400);
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(UPSTREAM.received()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileBodies")
    void tokenCountingAnswers400InAnthropicShape(String name, byte[] body) throws Exception {
        RawResponse response = RawHttp.post(APP.getLocalPort(), "/anthropic/v1/messages/count_tokens", body);

        ErrorShapes.anthropic(response, 400);
        assertThat(UPSTREAM.received()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileBodies")
    void openAiLaneHandsTheBytesOverUnchangedAndRelaysTheUpstreamVerdict(String name, byte[] body) throws Exception {
        UPSTREAM.route("/v1/chat/completions", ex -> StubUpstream.send(ex, 400, "application/json", UPSTREAM_REFUSAL));

        RawResponse response = RawHttp.post(APP.getLocalPort(), "/v1/chat/completions", body);

        ErrorShapes.openAi(response, 400);
        assertThat(response.body()).isEqualTo(UPSTREAM_REFUSAL);
        assertThat(UPSTREAM.received()).hasSize(1);
        assertThat(UPSTREAM.last().body()).isEqualTo(body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/anthropic/v1/messages", "/anthropic/v1/messages/count_tokens"})
    void aBodyRefusedAtItsFirstBytesIsReadToItsEndSoTheClientStillGetsTheAnswer(String path) throws Exception {
        // 16 MiB cannot wait in the sockets' buffers: a gateway that answered and closed without reading the rest
        // would reset the connection while the client is still writing, and the client would never see the 400.
        byte[] body = new byte[16 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[1] = ']';

        RawResponse response = RawHttp.post(APP.getLocalPort(), path, body);

        JsonNode error = ErrorShapes.anthropic(response, 400);
        assertThat(error.get("message").asText()).contains("not valid JSON");
        assertThat(UPSTREAM.received()).isEmpty();
    }

    @Test
    void aModelNameWithCrLfIsNeverReflectedIntoAHeader() throws Exception {
        GatewayHealth.routeChat(UPSTREAM);
        String model = "claude-x\\r\\nX-Injected: yes\\r\\n\\r\\n<html>";

        RawResponse anthropic = RawHttp.post(APP.getLocalPort(), "/anthropic/v1/messages",
                "{\"model\":\"" + model + "\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
        RawResponse openAi = RawHttp.post(APP.getLocalPort(), "/v1/chat/completions",
                "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");

        assertThat(anthropic.status()).as(anthropic.toString()).isEqualTo(200);
        assertThat(openAi.status()).as(openAi.toString()).isEqualTo(200);
        for (RawResponse response : new RawResponse[] {anthropic, openAi}) {
            assertThat(response.header("X-Injected")).isEmpty();
            assertThat(response.head()).doesNotContainIgnoringCase("x-injected");
        }
        assertThat(UPSTREAM.received()).hasSize(2).allSatisfy(received ->
                assertThat(received.headers().keySet()).noneMatch(name -> name.equalsIgnoreCase("X-Injected")));
    }

    @AfterAll
    static void theGatewayIsHealthyAfterwards() throws Exception {
        GatewayHealth.assertHealthy(APP, UPSTREAM);
    }

    private static String hello(String maxTokens) {
        return "{\"model\":\"claude-x\",\"max_tokens\":" + maxTokens + ",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
    }

    private static byte[] request(String before, byte[] middle, String after) {
        return concat(utf8("{\"model\":\"claude-x\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\"," + before),
                middle, utf8(after + "}]}"));
    }

    private static byte[] noise() {
        byte[] bytes = new byte[4096];
        new java.util.Random(42).nextBytes(bytes);
        return bytes;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
