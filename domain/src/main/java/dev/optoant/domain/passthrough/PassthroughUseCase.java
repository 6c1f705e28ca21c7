package dev.optoant.domain.passthrough;

import dev.optoant.domain.log.RequestTrace;
import java.io.IOException;

/** Inbound port: relay one OpenAI-API request to the upstream untouched and stream its answer back. */
public interface PassthroughUseCase {

    /**
     * Relays the request and streams the reply into the responder, noting model, timing, usage and errors in the trace.
     *
     * @throws dev.optoant.domain.error.GatewayException before anything was sent to the client
     */
    RelayOutcome forward(RelayRequest request, RelayResponder responder, RequestTrace trace) throws IOException;

    /** {@link #forward(RelayRequest, RelayResponder, RequestTrace)} for callers that keep no log. */
    default RelayOutcome forward(RelayRequest request, RelayResponder responder) throws IOException {
        return forward(request, responder, RequestTrace.detached());
    }
}
