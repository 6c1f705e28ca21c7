package dev.optoant.domain.convert;

import dev.optoant.domain.anthropic.MessagesRequest;
import dev.optoant.domain.openai.ChatCompletionRequest;
import dev.optoant.domain.openai.ChatTool;
import java.util.ArrayList;
import java.util.List;

/** Converts an Anthropic Messages request into the Chat Completions request sent upstream, refusing what won't go. */
public final class AnthropicToOpenAi {
    private static final ChatCompletionRequest.StreamOptions INCLUDE_USAGE =
            new ChatCompletionRequest.StreamOptions(true);
    private final ConversionSettings settings;
    private final MessagesRequestValidator validator;
    private final MessageListConverter messages;

    public AnthropicToOpenAi(ConversionSettings settings) {
        this.settings = settings;
        this.validator = new MessagesRequestValidator(settings);
        this.messages = new MessageListConverter(settings.dialect());
    }

    /**
     * The upstream request for a Messages call.
     *
     * @throws dev.optoant.domain.error.GatewayException of kind {@code INVALID_REQUEST}, naming the field, for a
     *     request the upstream can't be sent; never any other exception
     */
    public ChatCompletionRequest convert(MessagesRequest request) {
        validator.validate(request, true);
        return build(request);
    }

    /**
     * The request as it would be sent, for counting its tokens: {@code count_tokens} bodies carry no
     * {@code max_tokens}, so it may be missing here (and is then left out).
     */
    public ChatCompletionRequest convertForTokenCount(MessagesRequest request) {
        validator.validate(request, false);
        return build(request);
    }

    private ChatCompletionRequest build(MessagesRequest request) {
        String model = settings.upstreamModel(request.model());
        Integer maxTokens = request.maxTokens() == null ? null : settings.clampMaxTokens(model, request.maxTokens());
        List<ChatTool> tools = ToolConverter.tools(request.tools());
        ReasoningOptions reasoning = ReasoningOptions.of(request.thinking(), settings.dialect());
        boolean stream = request.streaming();
        return new ChatCompletionRequest(
                model,
                messages.convert(request.system(), request.messages()),
                maxTokens,
                request.temperature(),
                request.topP(),
                stop(request.stopSequences()),
                stream ? Boolean.TRUE : null,
                stream ? INCLUDE_USAGE : null,
                tools,
                // OpenAI refuses tool_choice and parallel_tool_calls without tools, e.g. when only server tools came.
                tools == null ? null : ToolConverter.choice(request.toolChoice()),
                tools == null ? null : ToolConverter.parallelToolCalls(request.toolChoice()),
                request.metadata() == null ? null : UserIds.reduce(request.metadata().userId()),
                reasoning.thinking(),
                reasoning.effort());
    }

    /** {@code stop_sequences} without empty entries (which upstreams refuse); null when none are left. */
    private static List<String> stop(List<String> sequences) {
        if (sequences == null || sequences.isEmpty()) {
            return null;
        }
        List<String> stop = new ArrayList<>(sequences.size());
        for (String sequence : sequences) {
            if (sequence != null && !sequence.isEmpty()) {
                stop.add(sequence);
            }
        }
        return stop.isEmpty() ? null : stop;
    }
}
