package dev.optoant.domain.passthrough;

import static dev.optoant.domain.passthrough.RelayRequests.post;
import static dev.optoant.domain.passthrough.RelayRequests.settings;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link PassthroughService}: a failing upstream or client mid-body ends the relay, aborts and closes the reply. */
class PassthroughServiceFailureTest {
    private static final List<byte[]> TWO_EVENTS = List.of("data: 1\n\n".getBytes(UTF_8), "data: 2\n\n".getBytes(UTF_8));

    @Test
    void upstreamReadFailureMidBodyIsUpstreamFailed() throws IOException {
        FakeReply reply = new FakeReply(200, List.of(),
                new ChunkedInputStream(TWO_EVENTS, new SocketTimeoutException("Read timed out")));
        RecordingResponder responder = new RecordingResponder();

        RelayOutcome outcome = relay(reply, responder);

        assertThat(outcome).isEqualTo(RelayOutcome.UPSTREAM_FAILED);
        assertThat(responder.out().bytes()).asString(UTF_8).isEqualTo("data: 1\n\ndata: 2\n\n");
        assertThat(reply.aborts).isEqualTo(1);
        assertThat(reply.closes).isEqualTo(1);
    }

    @Test
    void clientWriteFailureIsClientGone() throws IOException {
        FakeReply reply = new FakeReply(200, List.of(), new ChunkedInputStream(TWO_EVENTS));
        RecordingResponder responder = new RecordingResponder(new RecordingOutputStream(TWO_EVENTS.get(0).length, false));

        RelayOutcome outcome = relay(reply, responder);

        assertThat(outcome).isEqualTo(RelayOutcome.CLIENT_GONE);
        assertThat(responder.out().bytes()).asString(UTF_8).isEqualTo("data: 1\n\n");
        assertThat(reply.aborts).isEqualTo(1);
        assertThat(reply.closes).isEqualTo(1);
    }

    @Test
    void clientFlushFailureIsClientGone() throws IOException {
        FakeReply reply = new FakeReply(200, List.of(), new ChunkedInputStream(TWO_EVENTS));
        RecordingResponder responder = new RecordingResponder(new RecordingOutputStream(Long.MAX_VALUE, true));

        assertThat(relay(reply, responder)).isEqualTo(RelayOutcome.CLIENT_GONE);
        assertThat(reply.aborts).isEqualTo(1);
        assertThat(reply.closes).isEqualTo(1);
    }

    @Test
    void upstreamFailureBeforeAnyByteStillClosesOnce() throws IOException {
        FakeReply reply = new FakeReply(200, List.of(), new ChunkedInputStream(List.of(), new IOException("reset")));
        RecordingResponder responder = new RecordingResponder();

        assertThat(relay(reply, responder)).isEqualTo(RelayOutcome.UPSTREAM_FAILED);
        assertThat(responder.out().bytes()).isEmpty();
        assertThat(reply.aborts).isEqualTo(1);
        assertThat(reply.closes).isEqualTo(1);
    }

    private static RelayOutcome relay(FakeReply reply, RecordingResponder responder) throws IOException {
        return new PassthroughService(new FakeUpstream(reply), settings())
                .forward(post("/v1/chat/completions", List.of(), "{}"), responder);
    }
}
