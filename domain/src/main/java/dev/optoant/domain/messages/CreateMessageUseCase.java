package dev.optoant.domain.messages;

import dev.optoant.domain.anthropic.MessagesRequest;
import dev.optoant.domain.anthropic.MessagesResponse;
import dev.optoant.domain.log.RequestTrace;

/** Inbound port: the Anthropic Messages API, answered by the OpenAI-compatible upstream. */
public interface CreateMessageUseCase {

    /**
     * A complete answer.
     *
     * @param clientToken the credential the client sent ({@code x-api-key} or bearer), or null
     * @param trace where model, timing and usage are noted for the request log
     * @throws dev.optoant.domain.error.GatewayException for bad input and upstream failures
     */
    MessagesResponse create(MessagesRequest request, String clientToken, RequestTrace trace);

    /**
     * Starts a streamed answer: returns once the upstream has accepted the request, so that every failure up to
     * here can still be an HTTP error; the returned stream writes the events.
     *
     * @throws dev.optoant.domain.error.GatewayException for bad input and upstream failures before the first byte
     */
    MessageStream open(MessagesRequest request, String clientToken, RequestTrace trace);

    /** Input tokens of the request as converted for the upstream, counted locally. */
    long countTokens(MessagesRequest request, RequestTrace trace);
}
