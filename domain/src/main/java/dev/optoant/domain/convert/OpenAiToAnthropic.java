package dev.optoant.domain.convert;

import dev.optoant.domain.anthropic.ContentBlock;
import dev.optoant.domain.anthropic.MessagesResponse;
import dev.optoant.domain.anthropic.StopReason;
import dev.optoant.domain.openai.ChatCompletion;
import dev.optoant.domain.openai.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Converts a complete Chat Completions answer into an Anthropic Messages response. */
public final class OpenAiToAnthropic {

    private OpenAiToAnthropic() {
    }

    /**
     * The Anthropic message for an upstream answer: thinking, then text, then tool_use blocks.
     *
     * @param messageId the {@code msg_...} id to give the message
     * @param requestedModel the model the client asked for, echoed back rather than the upstream's name
     * @throws dev.optoant.domain.error.GatewayException {@code OVERLOADED} for DeepSeek's
     *         {@code insufficient_system_resource}
     */
    public static MessagesResponse convert(ChatCompletion completion, String messageId, String requestedModel) {
        Objects.requireNonNull(messageId, "messageId");
        ChatCompletion.Choice choice = firstChoice(completion.choices());
        if (choice == null) {
            return new MessagesResponse(messageId, requestedModel, List.of(), StopReason.END_TURN, null,
                    UsageConversion.of(completion.usage()));
        }
        FinishReasons.requireNotOverloaded(choice.finishReason());
        List<ContentBlock> content = new ArrayList<>(2);
        boolean toolUse = false;
        ChatCompletion.ResponseMessage message = choice.message();
        if (message != null) {
            if (hasText(message.reasoningContent())) {
                content.add(new ContentBlock.Thinking(message.reasoningContent(), ""));
            }
            if (hasText(message.content())) {
                content.add(new ContentBlock.Text(message.content()));
            }
            List<ToolCall> calls = message.toolCalls();
            for (int i = 0; calls != null && i < calls.size(); i++) {
                if (calls.get(i) != null) {
                    content.add(toolUse(calls.get(i), messageId, i));
                    toolUse = true;
                }
            }
        }
        return new MessagesResponse(messageId, requestedModel, List.copyOf(content),
                FinishReasons.stopReason(choice.finishReason(), toolUse), null, UsageConversion.of(completion.usage()));
    }

    private static ContentBlock.ToolUse toolUse(ToolCall call, String messageId, int position) {
        String id = hasText(call.id()) ? call.id() : ToolUseIds.forCall(messageId, position);
        ToolCall.FunctionCall function = call.function();
        String name = function == null || function.name() == null ? "" : function.name();
        return new ContentBlock.ToolUse(id, name, ToolArguments.parse(function == null ? null : function.arguments()));
    }

    /** The gateway asks for one choice; of several, the one with index 0 (or the first) is the answer. */
    private static ChatCompletion.Choice firstChoice(List<ChatCompletion.Choice> choices) {
        if (choices == null) {
            return null;
        }
        ChatCompletion.Choice first = null;
        for (ChatCompletion.Choice choice : choices) {
            if (choice != null && (choice.index() == null || choice.index() == 0)) {
                return choice;
            }
            first = first == null ? choice : first;
        }
        return first;
    }

    private static boolean hasText(String text) {
        return text != null && !text.isEmpty();
    }
}
