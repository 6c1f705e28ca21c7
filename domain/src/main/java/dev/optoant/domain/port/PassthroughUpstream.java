package dev.optoant.domain.port;

import dev.optoant.domain.error.GatewayException;
import dev.optoant.domain.passthrough.RelayRequest;

/** Outbound port: sends a request to the OpenAI-compatible upstream as it is and hands back its raw reply. */
public interface PassthroughUpstream {

    /**
     * Sends the request and returns once the reply's status and headers have arrived.
     *
     * @throws GatewayException when the upstream can't be reached, doesn't answer in time, or the body is too large
     */
    UpstreamReply send(RelayRequest request);
}
