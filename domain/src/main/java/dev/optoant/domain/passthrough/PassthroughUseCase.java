package dev.optoant.domain.passthrough;

import java.io.IOException;

/** Inbound port: relay one OpenAI-API request to the upstream untouched and stream its answer back. */
public interface PassthroughUseCase {

    /**
     * Relays the request and streams the reply into the responder.
     *
     * @throws dev.optoant.domain.error.GatewayException before anything was sent to the client
     */
    RelayOutcome forward(RelayRequest request, RelayResponder responder) throws IOException;
}
