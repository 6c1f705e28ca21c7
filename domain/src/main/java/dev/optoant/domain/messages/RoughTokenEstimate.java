package dev.optoant.domain.messages;

import dev.optoant.domain.openai.ChatCompletionRequest;
import dev.optoant.domain.openai.ChatMessage;
import dev.optoant.domain.openai.MessageContent;

/**
 * A cheap input-token estimate (about four characters a token) for {@code message_start}, which must go out before
 * the upstream reports real usage; the final {@code message_delta} carries the upstream's count.
 */
final class RoughTokenEstimate {
    private RoughTokenEstimate() {
    }

    static long of(ChatCompletionRequest request) {
        long chars = 0;
        if (request.messages() != null) {
            for (ChatMessage message : request.messages()) {
                chars += 12 + length(message.reasoningContent());
                if (message.content() instanceof MessageContent.Text text) {
                    chars += length(text.text());
                } else if (message.content() instanceof MessageContent.Parts parts) {
                    for (MessageContent.Part part : parts.parts()) {
                        chars += part instanceof MessageContent.TextPart text ? length(text.text()) : 340;
                    }
                }
            }
        }
        return chars / 4;
    }

    private static long length(String text) {
        return text == null ? 0 : text.length();
    }
}
