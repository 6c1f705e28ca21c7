package dev.optoant.domain.port;

import dev.optoant.domain.openai.ChatCompletion;
import dev.optoant.domain.openai.ChatCompletionRequest;

/** Outbound port: Chat Completions calls on the OpenAI-compatible upstream, for the Anthropic lane. */
public interface ChatUpstream {

    /**
     * A non-streaming completion.
     *
     * @param bearerToken the credential to send as {@code Authorization: Bearer}, or null for none
     * @throws UpstreamStatusException when the upstream answers with a non-2xx status
     * @throws dev.optoant.domain.error.GatewayException when it can't be reached or doesn't answer in time
     */
    ChatCompletion complete(ChatCompletionRequest request, String bearerToken);

    /**
     * Opens a streaming completion and returns once the upstream's status and headers are in.
     *
     * @throws UpstreamStatusException when the upstream answers with a non-2xx status
     * @throws dev.optoant.domain.error.GatewayException when it can't be reached or doesn't answer in time
     */
    ChunkStream stream(ChatCompletionRequest request, String bearerToken);
}
