package dev.optoant.upstream;

import static dev.optoant.upstream.UpstreamTestSupport.client;
import static dev.optoant.upstream.UpstreamTestSupport.get;
import static dev.optoant.upstream.UpstreamTestSupport.post;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.optoant.domain.passthrough.Header;
import dev.optoant.domain.passthrough.InMemoryBody;
import dev.optoant.domain.passthrough.RelayRequest;
import dev.optoant.domain.port.UpstreamReply;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link HttpPassthroughUpstream} against a real local server: requests arrive as sent, replies come back as sent. */
class HttpPassthroughUpstreamExchangeTest {
    private EchoUpstream server;
    private CloseableHttpClient client;
    private HttpPassthroughUpstream upstream;

    @BeforeEach
    void start() throws IOException {
        server = new EchoUpstream();
        client = client(server.baseUrl(), Duration.ofSeconds(5), Duration.ofSeconds(5));
        upstream = new HttpPassthroughUpstream(client, server.baseUrl());
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.close();
    }

    @Test
    void methodPathQueryHeadersAndBodyArriveAsSent() throws IOException {
        RelayRequest request = new RelayRequest("POST", "/v1/files/file%20%C3%A9", "limit=2&after=a%3Db+c",
                List.of(new Header("Content-Type", "application/json"), new Header("Authorization", "Bearer sk-1"),
                        new Header("X-Repeated", "one"), new Header("X-Repeated", "two")),
                new ByteArrayInputStream("{\"model\":\"m\",\"x\":[1]}".getBytes(UTF_8)), 21);

        try (UpstreamReply reply = upstream.send(request)) {
            reply.body().readAllBytes();
        }

        EchoUpstream.Received received = server.only();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.rawPath()).isEqualTo("/v1/files/file%20%C3%A9");
        assertThat(received.rawQuery()).isEqualTo("limit=2&after=a%3Db+c");
        assertThat(received.header("Content-Type")).isEqualTo("application/json");
        assertThat(received.header("Authorization")).isEqualTo("Bearer sk-1");
        assertThat(received.headers().get("X-Repeated")).containsExactly("one", "two");
        assertThat(received.header("Content-Length")).isEqualTo("21");
        assertThat(received.body()).asString(UTF_8).isEqualTo("{\"model\":\"m\",\"x\":[1]}");
    }

    @Test
    void otherMethodsAndEmptyBodiesArriveAsSent() throws IOException {
        try (UpstreamReply reply = upstream.send(new RelayRequest("DELETE", "/v1/files/f1", null, List.of(),
                new ByteArrayInputStream(new byte[0]), 0))) {
            reply.body().readAllBytes();
        }

        assertThat(server.only().method()).isEqualTo("DELETE");
        assertThat(server.only().body()).isEmpty();
        assertThat(server.only().rawQuery()).isNull();
    }

    @Test
    void bodyOfUnknownLengthIsSentChunked() throws IOException {
        byte[] body = new byte[100_000];
        new Random(7).nextBytes(body);
        RelayRequest request = new RelayRequest("POST", "/v1/embeddings", null, List.of(),
                new ByteArrayInputStream(body), -1);

        try (UpstreamReply reply = upstream.send(request)) {
            reply.body().readAllBytes();
        }

        assertThat(server.only().header("Transfer-Encoding")).isEqualToIgnoringCase("chunked");
        assertThat(server.only().body()).isEqualTo(body);
    }

    @Test
    void aBodyHeldInMemoryArrivesWhole() throws IOException {
        byte[] body = randomBytes(100_000, 8);

        sendBody(new InMemoryBody(body), body.length);

        assertThat(server.only().header("Content-Length")).isEqualTo("100000");
        assertThat(server.only().body()).isEqualTo(body);
    }

    @Test
    void aStreamedBodyOfDeclaredLengthArrivesWhole() throws IOException {
        byte[] body = randomBytes(100_000, 9);

        sendBody(new BufferedInputStream(new ByteArrayInputStream(body), 1000), body.length);

        assertThat(server.only().header("Content-Length")).isEqualTo("100000");
        assertThat(server.only().body()).isEqualTo(body);
    }

    private void sendBody(InputStream body, long length) throws IOException {
        try (UpstreamReply reply = upstream.send(new RelayRequest("POST", "/v1/files", null, List.of(), body, length))) {
            reply.body().readAllBytes();
        }
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void statusHeadersAndBodyComeBack() throws IOException {
        server.replyStatus = 429;
        server.replyHeaders = List.<String[]>of(new String[] {"Retry-After", "3"},
                new String[] {"Content-Type", "application/json"}, new String[] {"x-request-id", "req-1"});
        server.replyBody = "{\"error\":{\"message\":\"slow down\"}}".getBytes(UTF_8);

        try (UpstreamReply reply = upstream.send(post("/v1/chat/completions", List.of(), "{}"))) {
            assertThat(reply.status()).isEqualTo(429);
            assertThat(reply.headers()).extracting(Header::name).map(String::toLowerCase)
                    .contains("retry-after", "content-type", "x-request-id");
            assertThat(reply.headers()).filteredOn(h -> h.is("x-request-id")).extracting(Header::value)
                    .containsExactly("req-1");
            assertThat(reply.body().readAllBytes()).asString(UTF_8).isEqualTo("{\"error\":{\"message\":\"slow down\"}}");
        }
    }

    @Test
    void aFullyReadReplyLeavesItsConnectionForTheNextRequest() throws IOException {
        for (int i = 0; i < 3; i++) {
            try (UpstreamReply reply = upstream.send(get("/v1/models"))) {
                assertThat(reply.body().readAllBytes()).asString(UTF_8).isEqualTo("{}");
            }
        }

        assertThat(server.received).extracting(EchoUpstream.Received::clientPort).containsOnly(
                server.received.get(0).clientPort());
    }

    @Test
    void aReplyClosedBeforeItsEndDoesNotLeaveItsConnectionInThePool() throws IOException {
        server.replyBody = new byte[200_000];

        try (UpstreamReply reply = upstream.send(get("/v1/files/big/content"))) {
            assertThat(reply.body().read()).isZero();
        }
        try (UpstreamReply reply = upstream.send(get("/v1/files/big/content"))) {
            assertThat(reply.body().readAllBytes()).hasSize(200_000);
        }

        assertThat(server.received).hasSize(2);
        assertThat(server.received.get(1).clientPort()).isNotEqualTo(server.received.get(0).clientPort());
    }
}
