package dev.optoant.domain.passthrough;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optoant.domain.error.UpstreamNotReachedException;
import dev.optoant.domain.log.RequestTrace;
import dev.optoant.domain.port.PassthroughUpstream;
import dev.optoant.domain.port.UpstreamReply;
import dev.optoant.domain.resilience.ConcurrencyLimit;
import dev.optoant.domain.resilience.Retrier;
import dev.optoant.domain.resilience.RetryPolicy;
import dev.optoant.domain.resilience.UpstreamGuards;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link PassthroughService}'s retry loop: what is retried, with which waits, and the body sent again each time. */
class PassthroughRetryTest {
    private static final String BODY = "{\"model\":\"m\",\"stream\":false}";

    private final List<Duration> waits = new ArrayList<>();
    private final Scripted upstream = new Scripted();

    @Test
    void refusedConnectionsAreRetriedWithGrowingBackoffAndTheSameBody() throws IOException {
        upstream.refuse().refuse().answer(reply(200, "ok", null));

        RecordingResponder responder = forward(3, 1024);

        assertThat(responder.status).isEqualTo(200);
        assertThat(responder.out().bytes()).asString(UTF_8).isEqualTo("ok");
        assertThat(upstream.bodies).containsExactly(BODY, BODY, BODY);
        assertThat(waits).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100));
    }

    @Test
    void aShortRetryAfterIsWaitedExactly() throws IOException {
        FakeReply limited = reply(429, "slow down", "3");
        upstream.answer(limited).answer(reply(200, "ok", null));

        assertThat(forward(3, 1024).status).isEqualTo(200);
        assertThat(waits).containsExactly(Duration.ofSeconds(3));
        assertThat(limited.closes).isEqualTo(1);
    }

    @Test
    void aRetryAfterBeyondTheCapGoesToTheClient() throws IOException {
        upstream.answer(reply(429, "come back tomorrow", "86400"));

        RecordingResponder responder = forward(3, 1024);

        assertThat(responder.status).isEqualTo(429);
        assertThat(responder.out().bytes()).asString(UTF_8).isEqualTo("come back tomorrow");
        assertThat(upstream.bodies).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void theLastFailureReachesTheClientOnceTheAttemptsAreSpent() throws IOException {
        upstream.answer(reply(503, "first", null)).answer(reply(502, "second", null)).answer(reply(503, "third", null));

        RecordingResponder responder = forward(3, 1024);

        assertThat(responder.status).isEqualTo(503);
        assertThat(responder.out().bytes()).asString(UTF_8).isEqualTo("third");
        assertThat(upstream.bodies).hasSize(3);
    }

    @Test
    void refusalsBeyondTheBudgetThrowTheLastOne() {
        upstream.refuse().refuse();

        assertThatThrownBy(() -> forward(2, 1024)).isInstanceOf(UpstreamNotReachedException.class);
        assertThat(upstream.bodies).hasSize(2);
    }

    @Test
    void otherStatusesAreNotRetried() throws IOException {
        upstream.answer(reply(500, "boom", null));

        assertThat(forward(3, 1024).status).isEqualTo(500);
        assertThat(upstream.bodies).hasSize(1);
    }

    @Test
    void aBodyTooLargeToHoldGetsOneAttempt() throws IOException {
        upstream.answer(reply(503, "busy", null));

        assertThat(forward(3, BODY.length() - 1).status).isEqualTo(503);
        assertThat(upstream.bodies).containsExactly(BODY);
        assertThat(waits).isEmpty();
    }

    private RecordingResponder forward(int maxAttempts, long maxReplayBytes) throws IOException {
        RetryPolicy policy = new RetryPolicy(maxAttempts, Duration.ofMillis(100), Duration.ofSeconds(1),
                Duration.ofSeconds(5));
        UpstreamGuards guards = new UpstreamGuards(new Retrier(policy, waits::add, () -> 0.0),
                ConcurrencyLimit.unlimited("streams"), maxReplayBytes);
        RecordingResponder responder = new RecordingResponder();
        new PassthroughService(upstream, new PassthroughSettings("/v1", Optional.empty(), 1024), guards)
                .forward(RelayRequests.post("/v1/chat/completions", List.of(), BODY), responder, RequestTrace.detached());
        return responder;
    }

    private static FakeReply reply(int status, String body, String retryAfter) {
        List<Header> headers = retryAfter == null ? List.of() : List.of(new Header("Retry-After", retryAfter));
        return new FakeReply(status, headers, new ByteArrayInputStream(body.getBytes(UTF_8)));
    }

    /** An upstream that refuses or answers in a scripted order, keeping each body it was sent. */
    private static final class Scripted implements PassthroughUpstream {
        private final Deque<Object> script = new ArrayDeque<>();
        final List<String> bodies = new ArrayList<>();

        Scripted refuse() {
            script.add(new UpstreamNotReachedException("refused", null));
            return this;
        }

        Scripted answer(FakeReply reply) {
            script.add(reply);
            return this;
        }

        @Override
        public UpstreamReply send(RelayRequest request) {
            try {
                bodies.add(new String(request.body().readAllBytes(), UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Object next = script.removeFirst();
            if (next instanceof UpstreamNotReachedException refused) {
                throw refused;
            }
            return (UpstreamReply) next;
        }
    }
}
