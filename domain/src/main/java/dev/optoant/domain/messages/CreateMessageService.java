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
import dev.optoant.domain.error.UpstreamNotReachedException;
import dev.optoant.domain.resilience.ConcurrencyLimit;
import dev.optoant.domain.resilience.RetryPolicy;
import dev.optoant.domain.resilience.UpstreamGuards;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Answers Anthropic Messages requests by converting them to Chat Completions and the answers back. */
public final class CreateMessageService implements CreateMessageUseCase {
    private final AnthropicToOpenAi toOpenAi;
    private final ChatUpstream upstream;
    private final TokenCounter tokens;
    private final Heartbeat heartbeat;
    private final Optional<String> upstreamApiKey;
    private final UpstreamGuards guards;

    public CreateMessageService(AnthropicToOpenAi toOpenAi, ChatUpstream upstream, TokenCounter tokens,
            Heartbeat heartbeat, Optional<String> upstreamApiKey) {
        this(toOpenAi, upstream, tokens, heartbeat, upstreamApiKey, UpstreamGuards.none());
    }

    public CreateMessageService(AnthropicToOpenAi toOpenAi, ChatUpstream upstream, TokenCounter tokens,
            Heartbeat heartbeat, Optional<String> upstreamApiKey, UpstreamGuards guards) {
        this.toOpenAi = toOpenAi;
        this.upstream = upstream;
        this.tokens = tokens;
        this.heartbeat = heartbeat;
        this.upstreamApiKey = upstreamApiKey;
        this.guards = guards;
    }

    @Override
    public MessagesResponse create(MessagesRequest request, String clientToken, RequestTrace trace) {
        ChatCompletionRequest converted = convert(request, false, trace);
        ChatCompletion completion = retrying(() -> upstream.complete(converted, credential(clientToken)), trace);
        trace.firstByte();
        trace.usage(completion.usage());
        return OpenAiToAnthropic.convert(completion, MessageIds.next(), request.model());
    }

    @Override
    public MessageStream open(MessagesRequest request, String clientToken, RequestTrace trace) {
        ChatCompletionRequest converted = convert(request, true, trace);
        ConcurrencyLimit.Permit streamSlot = guards.streams().acquire();
        ChunkStream chunks;
        try {
            chunks = retrying(() -> upstream.stream(converted, credential(clientToken)), trace);
        } catch (RuntimeException e) {
            streamSlot.close();
            throw e;
        }
        trace.firstByte();
        return new TranslatedMessageStream(chunks, MessageIds.next(), request.model(),
                RoughTokenEstimate.of(converted), heartbeat, trace, streamSlot);
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

    /**
     * Calls the upstream, again after a connection failure or a retryable status while the policy allows; the
     * converted request is in memory, and no byte has gone to the client yet.
     */
    private <T> T retrying(Supplier<T> call, RequestTrace trace) {
        for (int attempt = 1; ; attempt++) {
            Optional<Duration> wait;
            RuntimeException failure;
            trace.upstreamAttempt();
            try {
                return call.get();
            } catch (UpstreamNotReachedException e) {
                failure = e;
                wait = guards.retrier().nextWait(attempt, null);
            } catch (UpstreamStatusException e) {
                failure = UpstreamErrors.toGatewayException(e);
                wait = RetryPolicy.retryableStatus(e.status())
                        ? guards.retrier().nextWait(attempt, e.retryAfter()) : Optional.empty();
            }
            if (wait.isEmpty() || !guards.retrier().pause(wait.get())) {
                throw failure;
            }
        }
    }

    private String credential(String clientToken) {
        return upstreamApiKey.orElse(clientToken);
    }
}
