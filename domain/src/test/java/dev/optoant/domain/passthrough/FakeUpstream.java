package dev.optoant.domain.passthrough;

import dev.optoant.domain.port.PassthroughUpstream;
import dev.optoant.domain.port.UpstreamReply;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Hand-written {@link PassthroughUpstream}: records requests, drains bodies like a real client, returns a canned reply. */
final class FakeUpstream implements PassthroughUpstream {
    private final FakeReply reply;
    final List<RelayRequest> requests = new ArrayList<>();
    byte[] receivedBody;
    IOException bodyFailure;

    FakeUpstream(FakeReply reply) {
        this.reply = reply;
    }

    @Override
    public UpstreamReply send(RelayRequest request) {
        requests.add(request);
        try {
            receivedBody = request.body().readAllBytes();
        } catch (IOException e) {
            bodyFailure = e;
        }
        return reply;
    }

    RelayRequest onlyRequest() {
        if (requests.size() != 1) {
            throw new AssertionError("expected exactly one upstream request, got " + requests.size());
        }
        return requests.get(0);
    }
}
