package dev.optoant.upstream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.optoant.domain.json.PooledJson;
import dev.optoant.domain.openai.ChatCompletionRequest;
import dev.optoant.domain.openai.ChatMessage;
import dev.optoant.domain.openai.ChatTool;
import dev.optoant.domain.openai.MessageContent;
import dev.optoant.domain.openai.ToolCall;
import dev.optoant.domain.port.TokenCounter;

/**
 * Counts tokens locally with the o200k_base BPE (jtokkit), plus the per-message framing overhead OpenAI documents.
 * Upstreams tokenize differently; the count is an estimate of the same order, good for context-window decisions.
 */
public final class JtokkitTokenCounter implements TokenCounter {
    private static final long TOKENS_PER_PDF_PAGE = 1_500;
    private static final long BYTES_PER_PDF_PAGE = 50 * 1024;
    private static final int TOKENS_PER_MESSAGE = 3;
    private static final int TOKENS_PER_REPLY = 3;
    private static final ObjectMapper JSON = PooledJson.newMapper();

    private final Encoding encoding = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    @Override
    public long inputTokens(ChatCompletionRequest request) {
        long total = TOKENS_PER_REPLY;
        if (request.messages() != null) {
            for (ChatMessage message : request.messages()) {
                total += TOKENS_PER_MESSAGE + count(message.role()) + count(message.reasoningContent());
                total += content(message.content());
                if (message.toolCalls() != null) {
                    for (ToolCall call : message.toolCalls()) {
                        total += count(call.function().name()) + count(call.function().arguments());
                    }
                }
            }
        }
        if (request.tools() != null) {
            for (ChatTool tool : request.tools()) {
                total += count(tool.function().name()) + count(tool.function().description())
                        + count(json(tool.function().parameters()));
            }
        }
        return total;
    }

    private long content(MessageContent content) {
        return switch (content) {
            case null -> 0;
            case MessageContent.Text text -> count(text.text());
            case MessageContent.Parts parts -> parts.parts().stream().mapToLong(part -> switch (part) {
                case MessageContent.TextPart text -> count(text.text());
                // Images are billed by size, which a data URL's text length does not reflect; count a typical tile.
                case MessageContent.ImagePart image -> 85;
                case MessageContent.FilePart file -> documentTokens(file.file().fileData());
            }).sum();
        };
    }

    /** A PDF is billed per page, which only its parsed content tells; one typical page per started 50 KiB. */
    private static long documentTokens(String dataUrl) {
        long bytes = dataUrl == null ? 0 : dataUrl.length() * 3L / 4;
        return TOKENS_PER_PDF_PAGE * Math.max(1, (bytes + BYTES_PER_PDF_PAGE - 1) / BYTES_PER_PDF_PAGE);
    }

    private long count(String text) {
        return text == null || text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
    }

    private static String json(Object value) {
        try {
            return value == null ? null : JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return value.toString();
        }
    }
}
