package dev.optoant.domain.messages;

import dev.optoant.domain.anthropic.MessagesRequest;
import dev.optoant.domain.anthropic.MessagesResponse;
import dev.optoant.domain.convert.AnthropicToOpenAi;
import dev.optoant.domain.convert.OpenAiToAnthropic;
import dev.optoant.domain.log.RequestTrace;
import dev.optoant.domain.openai.ChatCompletion;
import dev.optoant.domain.openai.ChatCompletionRequest;
import dev.optoant.domain.port.ChatUpstream;
import dev.optoant.domain.port.ChunkStream;
import dev.optoant.domain.port.TokenCounter;
import dev.optoant.domain.port.UpstreamStatusException;
import java.util.Optional;
import java.util.function.Supplier;

/** Answers Anthropic Messages requests by converting them to Chat Completions and the answers back. */
public final class CreateMessageService implements CreateMessageUseCase {
    private final AnthropicToOpenAi toOpenAi;
    private final ChatUpstream upstream;
    private final TokenCounter tokens;
    private final Heartbeat heartbeat;
    private final Optional<String> upstreamApiKey;

    public CreateMessageService(AnthropicToOpenAi toOpenAi, ChatUpstream upstream, TokenCounter tokens,
            Heartbeat heartbeat, Optional<String> upstreamApiKey) {
        this.toOpenAi = toOpenAi;
        this.upstream = upstream;
        this.tokens = tokens;
        this.heartbeat = heartbeat;
        this.upstreamApiKey = upstreamApiKey;
    }

    @Override
    public MessagesResponse create(MessagesRequest request, String clientToken, RequestTrace trace) {
        ChatCompletionRequest converted = convert(request, false, trace);
        ChatCompletion completion = mappingUpstreamErrors(() -> upstream.complete(converted, credential(clientToken)));
        trace.firstByte();
        trace.usage(completion.usage());
        return OpenAiToAnthropic.convert(completion, MessageIds.next(), request.model());
    }

    @Override
    public MessageStream open(MessagesRequest request, String clientToken, RequestTrace trace) {
        ChatCompletionRequest converted = convert(request, true, trace);
        ChunkStream chunks = mappingUpstreamErrors(() -> upstream.stream(converted, credential(clientToken)));
        trace.firstByte();
        return new TranslatedMessageStream(chunks, MessageIds.next(), request.model(),
                RoughTokenEstimate.of(converted), heartbeat, trace);
    }

    @Override
    public long countTokens(MessagesRequest request, RequestTrace trace) {
        trace.requested(request.model(), false);
        return tokens.inputTokens(toOpenAi.convertForTokenCount(request));
    }

    private ChatCompletionRequest convert(MessagesRequest request, boolean streaming, RequestTrace trace) {
        trace.requested(request.model(), streaming);
        ChatCompletionRequest converted = toOpenAi.convert(request);
        trace.upstreamModel(converted.model());
        return converted;
    }

    private static <T> T mappingUpstreamErrors(Supplier<T> call) {
        try {
            return call.get();
        } catch (UpstreamStatusException e) {
            throw UpstreamErrors.toGatewayException(e);
        }
    }

    private String credential(String clientToken) {
        return upstreamApiKey.orElse(clientToken);
    }
}
