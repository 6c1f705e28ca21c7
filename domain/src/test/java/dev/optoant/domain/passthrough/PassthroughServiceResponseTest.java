package dev.optoant.domain.passthrough;

import static dev.optoant.domain.passthrough.RelayRequests.post;
import static dev.optoant.domain.passthrough.RelayRequests.settings;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link PassthroughService}: the reply's status, headers and bytes reach the client, flushed when the upstream pauses. */
class PassthroughServiceResponseTest {

    @Test
    void passesStatusAndEndToEndHeadersBack() throws IOException {
        FakeReply reply = new FakeReply(429,
                List.of(new Header("Content-Type", "application/json"), new Header("Transfer-Encoding", "chunked"),
                        new Header("Connection", "keep-alive"), new Header("Retry-After", "3"),
                        new Header("x-ratelimit-remaining-requests", "0")),
                new ChunkedInputStream(List.of("{\"error\":{}}".getBytes(UTF_8))));
        RecordingResponder responder = new RecordingResponder();

        RelayOutcome outcome = relay(reply, responder);

        assertThat(outcome).isEqualTo(RelayOutcome.COMPLETED);
        assertThat(responder.status).isEqualTo(429);
        assertThat(responder.headers).containsExactly(new Header("Content-Type", "application/json"),
                new Header("Retry-After", "3"), new Header("x-ratelimit-remaining-requests", "0"));
        assertThat(responder.out().bytes()).asString(UTF_8).isEqualTo("{\"error\":{}}");
        assertThat(reply.closes).isEqualTo(1);
        assertThat(reply.aborts).isZero();
    }

    @Test
    void copiesALargeBodyByteForByte() throws IOException {
        byte[] body = new byte[300_000];
        new Random(42).nextBytes(body);
        FakeReply reply = new FakeReply(200, List.of(),
                new ChunkedInputStream(ChunkedInputStream.split(body, List.of(1, 8191, 8192, 8193, 65_536, 7))));
        RecordingResponder responder = new RecordingResponder();

        assertThat(relay(reply, responder)).isEqualTo(RelayOutcome.COMPLETED);
        assertThat(responder.out().bytes()).isEqualTo(body);
        assertThat(reply.closes).isEqualTo(1);
    }

    @Test
    void flushesAtEveryPauseOfTheUpstream() throws IOException {
        List<byte[]> events = List.of(
                "data: {\"a\":1}\n\n".getBytes(UTF_8),
                "data: {\"b\":2}\n\n".getBytes(UTF_8),
                "data: [DONE]\n\n".getBytes(UTF_8));
        RecordingResponder responder = new RecordingResponder();

        relay(new FakeReply(200, List.of(), new ChunkedInputStream(events)), responder);

        int first = events.get(0).length;
        int second = first + events.get(1).length;
        assertThat(responder.out().flushPoints()).containsExactly(first, second, second + events.get(2).length);
    }

    @Test
    void doesNotFlushWhileMoreBytesAreAlreadyAvailable() throws IOException {
        RecordingResponder responder = new RecordingResponder();

        relay(new FakeReply(200, List.of(), new ChunkedInputStream(List.of(new byte[20_000], new byte[10]))), responder);

        assertThat(responder.out().flushPoints()).containsExactly(20_000, 20_010);
    }

    @Test
    void emptyBodyCompletesAndClosesTheReply() throws IOException {
        FakeReply reply = new FakeReply(204, List.of(), new ChunkedInputStream(List.of()));
        RecordingResponder responder = new RecordingResponder();

        assertThat(relay(reply, responder)).isEqualTo(RelayOutcome.COMPLETED);
        assertThat(responder.status).isEqualTo(204);
        assertThat(responder.out().bytes()).isEmpty();
        assertThat(reply.closes).isEqualTo(1);
    }

    @Test
    void closesTheReplyWhenTheClientIsGoneBeforeTheResponseStarts() {
        FakeReply reply = FakeReply.ok("{}");
        RecordingResponder responder = RecordingResponder.failingOnStart();

        assertThatThrownBy(() -> relay(reply, responder)).isInstanceOf(IOException.class);
        assertThat(reply.closes).isEqualTo(1);
    }

    private static RelayOutcome relay(FakeReply reply, RecordingResponder responder) throws IOException {
        return new PassthroughService(new FakeUpstream(reply), settings())
                .forward(post("/v1/chat/completions", List.of(), "{}"), responder);
    }
}
