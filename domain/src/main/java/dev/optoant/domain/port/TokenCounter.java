package dev.optoant.domain.port;

import dev.optoant.domain.openai.ChatCompletionRequest;

/** Outbound port: counts the tokens a converted request will cost upstream, without calling the upstream. */
public interface TokenCounter {

    /** Input tokens of the request's messages and tool definitions. */
    long inputTokens(ChatCompletionRequest request);
}
