package dev.optoant.upstream;

import static dev.optoant.upstream.UpstreamTestSupport.client;
import static dev.optoant.upstream.UpstreamTestSupport.get;
import static dev.optoant.upstream.UpstreamTestSupport.post;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optoant.domain.error.ErrorKind;
import dev.optoant.domain.error.GatewayException;
import dev.optoant.domain.passthrough.BoundedInputStream;
import dev.optoant.domain.passthrough.RelayRequest;
import dev.optoant.domain.port.UpstreamReply;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.Test;

/** {@link HttpPassthroughUpstream}: failures before the reply become the right {@link GatewayException} kinds. */
class HttpPassthroughUpstreamFailureTest {

    @Test
    void refusedConnectionIsUpstreamUnreachable() throws IOException {
        URI nobodyListening;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobodyListening = URI.create("http://127.0.0.1:" + probe.getLocalPort());
        }
        try (CloseableHttpClient client = client(nobodyListening, Duration.ofSeconds(2), Duration.ofSeconds(2))) {
            HttpPassthroughUpstream upstream = new HttpPassthroughUpstream(client, nobodyListening);

            assertThatThrownBy(() -> upstream.send(get("/v1/models")))
                    .isInstanceOfSatisfying(GatewayException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_UNREACHABLE))
                    .hasMessageContaining(nobodyListening.toString());
        }
    }

    @Test
    void silentUpstreamIsATimeoutAfterTheFirstByteLimit() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (RawUpstream server = RawUpstream.start(socket -> {
                    RawUpstream.readRequestHead(socket.getInputStream());
                    release.await(30, TimeUnit.SECONDS);
                });
                CloseableHttpClient client = client(server.baseUrl(), Duration.ofMillis(300), Duration.ofSeconds(30))) {
            HttpPassthroughUpstream upstream = new HttpPassthroughUpstream(client, server.baseUrl());

            long started = System.nanoTime();
            assertThatThrownBy(() -> upstream.send(get("/v1/models")))
                    .isInstanceOfSatisfying(GatewayException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_TIMEOUT));
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

            assertThat(elapsedMillis).isBetween(250L, 5_000L);
        } finally {
            release.countDown();
        }
    }

    @Test
    void bodyOverTheLimitIsRequestTooLargeAndTheClientStaysUsable() throws IOException {
        try (EchoUpstream server = new EchoUpstream();
                CloseableHttpClient client = client(server.baseUrl(), Duration.ofSeconds(5), Duration.ofSeconds(5))) {
            HttpPassthroughUpstream upstream = new HttpPassthroughUpstream(client, server.baseUrl());
            RelayRequest tooLarge = new RelayRequest("POST", "/v1/embeddings", null, List.of(),
                    new BoundedInputStream(new ByteArrayInputStream(new byte[100_000]), 1_000), -1);

            assertThatThrownBy(() -> upstream.send(tooLarge))
                    .isInstanceOfSatisfying(GatewayException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.REQUEST_TOO_LARGE));

            try (UpstreamReply reply = upstream.send(post("/v1/embeddings", List.of(), "{\"input\":\"ok\"}"))) {
                assertThat(reply.status()).isEqualTo(200);
                reply.body().readAllBytes();
            }
            // The truncated first request may reach the server's handler after the second one.
            assertThat(server.received).extracting(EchoUpstream.Received::body)
                    .anySatisfy(body -> assertThat(body).asString(UTF_8).isEqualTo("{\"input\":\"ok\"}"));
        }
    }

    @Test
    void invalidRequestTargetIsInvalidRequest() throws IOException {
        URI base = URI.create("http://127.0.0.1:9");
        try (CloseableHttpClient client = client(base, Duration.ofSeconds(1), Duration.ofSeconds(1))) {
            HttpPassthroughUpstream upstream = new HttpPassthroughUpstream(client, base);

            assertThatThrownBy(() -> upstream.send(get("/v1/a b")))
                    .isInstanceOfSatisfying(GatewayException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_REQUEST));
        }
    }
}
