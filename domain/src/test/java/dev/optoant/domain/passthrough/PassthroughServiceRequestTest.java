package dev.optoant.domain.passthrough;

import static dev.optoant.domain.passthrough.RelayRequests.LIMIT;
import static dev.optoant.domain.passthrough.RelayRequests.post;
import static dev.optoant.domain.passthrough.RelayRequests.settings;
import static dev.optoant.domain.passthrough.RelayRequests.settingsWithKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optoant.domain.error.ErrorKind;
import dev.optoant.domain.error.GatewayException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link PassthroughService}: what reaches the upstream (headers, credential, target) and what is refused before. */
class PassthroughServiceRequestTest {
    private static final List<Header> CLIENT_HEADERS = List.of(
            new Header("Host", "gateway.local"),
            new Header("Content-Length", "2"),
            new Header("Accept-Encoding", "gzip, br"),
            new Header("Expect", "100-continue"),
            new Header("Connection", "keep-alive, X-Hop"),
            new Header("X-Hop", "1"),
            new Header("Keep-Alive", "timeout=5"),
            new Header("Transfer-Encoding", "chunked"),
            new Header("TE", "trailers"),
            new Header("Content-Type", "application/json"),
            new Header("Authorization", "Bearer client-key"),
            new Header("OpenAI-Organization", "org-1"),
            new Header("User-Agent", "OpenAI/Java 4.0.0"));

    private final FakeUpstream upstream = new FakeUpstream(FakeReply.ok("{}"));

    @Test
    void forwardsEndToEndHeadersAndKeepsTheClientCredentialWithoutAnUpstreamKey() throws IOException {
        new PassthroughService(upstream, settings()).forward(post("/v1/chat/completions", CLIENT_HEADERS, "{}"),
                new RecordingResponder());

        assertThat(upstream.onlyRequest().headers()).containsExactly(
                new Header("Content-Type", "application/json"),
                new Header("Authorization", "Bearer client-key"),
                new Header("OpenAI-Organization", "org-1"),
                new Header("User-Agent", "OpenAI/Java 4.0.0"));
    }

    @Test
    void replacesEveryClientCredentialWithTheUpstreamKey() throws IOException {
        List<Header> headers = List.of(new Header("authorization", "Bearer a"), new Header("X-Other", "x"),
                new Header("AUTHORIZATION", "Bearer b"), new Header("x-api-key", "c"), new Header("Api-Key", "d"));

        new PassthroughService(upstream, settingsWithKey("sk-upstream"))
                .forward(post("/v1/models", headers, ""), new RecordingResponder());

        assertThat(upstream.onlyRequest().headers()).containsExactly(
                new Header("X-Other", "x"), new Header("Authorization", "Bearer sk-upstream"));
    }

    @Test
    void addsTheUpstreamKeyWhenTheClientSentNone() throws IOException {
        new PassthroughService(upstream, settingsWithKey("sk-upstream"))
                .forward(post("/v1/models", List.of(), ""), new RecordingResponder());

        assertThat(upstream.onlyRequest().headers()).containsExactly(new Header("Authorization", "Bearer sk-upstream"));
    }

    @Test
    void forwardsMethodPathQueryLengthAndBodyUnchanged() throws IOException {
        RelayRequest request = new RelayRequest("GET", "/v1/files/file%20a", "limit=2&after=x%3Dy", List.of(),
                new ByteArrayInputStream("ab".getBytes(StandardCharsets.UTF_8)), 2);

        new PassthroughService(upstream, settings()).forward(request, new RecordingResponder());

        RelayRequest sent = upstream.onlyRequest();
        assertThat(sent.method()).isEqualTo("GET");
        assertThat(sent.rawPath()).isEqualTo("/v1/files/file%20a");
        assertThat(sent.rawQuery()).isEqualTo("limit=2&after=x%3Dy");
        assertThat(sent.contentLength()).isEqualTo(2);
        assertThat(upstream.receivedBody).asString(StandardCharsets.UTF_8).isEqualTo("ab");
    }

    @Test
    void refusesADeclaredLengthOverTheLimitWithoutCallingTheUpstream() {
        RelayRequest request = new RelayRequest("POST", "/v1/chat/completions", null, List.of(),
                new ByteArrayInputStream(new byte[0]), LIMIT + 1);
        RecordingResponder responder = new RecordingResponder();

        assertThatThrownBy(() -> new PassthroughService(upstream, settings()).forward(request, responder))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.REQUEST_TOO_LARGE));
        assertThat(upstream.requests).isEmpty();
        assertThat(responder.started()).isFalse();
    }

    @Test
    void acceptsABodyOfExactlyTheLimit() throws IOException {
        String body = "x".repeat((int) LIMIT);

        new PassthroughService(upstream, settings()).forward(post("/v1/embeddings", List.of(), body),
                new RecordingResponder());

        assertThat(upstream.receivedBody).hasSize((int) LIMIT);
        assertThat(upstream.bodyFailure).isNull();
    }

    @Test
    void boundsAChunkedBodyWhileTheUpstreamReadsIt() throws IOException {
        byte[] body = new byte[(int) LIMIT + 1];

        new PassthroughService(upstream, settings()).forward(
                RelayRequests.chunked("/v1/embeddings", new ByteArrayInputStream(body)), new RecordingResponder());

        assertThat(upstream.bodyFailure).isInstanceOf(BodyTooLargeException.class);
    }

    @Test
    void refusesAnInvalidPathWithoutCallingTheUpstream() {
        RecordingResponder responder = new RecordingResponder();

        assertThatThrownBy(() -> new PassthroughService(upstream, settings())
                        .forward(post("/v1/../admin", List.of(), ""), responder))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_REQUEST));
        assertThat(upstream.requests).isEmpty();
        assertThat(responder.started()).isFalse();
    }

    @Test
    void letsAnUpstreamFailureBeforeTheReplyPropagateWithoutStartingTheResponse() {
        GatewayException unreachable = new GatewayException(ErrorKind.UPSTREAM_UNREACHABLE, "down");
        RecordingResponder responder = new RecordingResponder();
        PassthroughService service = new PassthroughService(request -> {
            throw unreachable;
        }, settings());

        assertThatThrownBy(() -> service.forward(post("/v1/models", List.of(), ""), responder)).isSameAs(unreachable);
        assertThat(responder.started()).isFalse();
    }
}
