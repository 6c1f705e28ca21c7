package dev.optoant.domain.convert;

import static dev.optoant.domain.convert.Invalid.at;
import static dev.optoant.domain.convert.Invalid.describe;

import dev.optoant.domain.anthropic.ContentBlock;
import dev.optoant.domain.anthropic.MediaSource;
import dev.optoant.domain.error.GatewayException;
import java.util.List;

/** Checks single message blocks: media sources, what the upstream accepts, what may sit inside a tool result. */
final class BlockRules {
    private final boolean imagesSupported;
    private final boolean pdfSupported;

    BlockRules(ConversionSettings settings) {
        this.imagesSupported = settings.imagesSupported();
        this.pdfSupported = settings.pdfSupported();
    }

    /** {@code messages.<m>.content.<b>}, built only for an error message. */
    static String path(int message, int block) {
        return "messages." + message + ".content." + block;
    }

    void checkImage(int message, int block, MediaSource source) {
        if (!imagesSupported) {
            throw at(path(message, block), "the configured upstream does not accept images; remove the image block");
        }
        if (source == null) {
            throw at(path(message, block) + ".source", "required");
        }
        switch (source.type()) {
            case "base64" -> {
                required(message, block, ".source.media_type", source.mediaType());
                required(message, block, ".source.data", source.data());
            }
            case "url" -> required(message, block, ".source.url", source.url());
            case null, default -> throw at(path(message, block) + ".source.type",
                    "unsupported image source " + describe(source.type()) + " (expected base64 or url)");
        }
    }

    void checkDocument(int message, int block, MediaSource source) {
        if (source == null) {
            throw at(path(message, block) + ".source", "required");
        }
        switch (DocumentText.kind(source)) {
            case TEXT -> {
            }
            case CONTENT -> {
                if (DocumentText.contentText(source.content()) == null) {
                    throw at(path(message, block) + ".source.content",
                            "only text blocks are supported in a document's content");
                }
            }
            case PDF -> {
                if (!pdfSupported) {
                    throw at(path(message, block),
                            "the configured upstream does not accept PDF documents; send the document as text");
                }
                // Chat Completions' file part takes inline data only; the gateway does not fetch URLs for clients.
                if ("url".equals(source.type())) {
                    throw at(path(message, block) + ".source.type",
                            "a PDF given by URL can't be forwarded; send it as a base64 source");
                }
                required(message, block, ".source.data", source.data());
            }
            case UNSUPPORTED -> {
                if ("base64".equals(source.type())) {
                    throw at(path(message, block) + ".source.media_type", "unsupported document media type "
                            + describe(source.mediaType()) + " (expected " + DocumentText.PDF_MEDIA_TYPE + ")");
                }
                throw at(path(message, block) + ".source.type", "unsupported document source "
                        + describe(source.type()) + " (expected text, content, base64 or url)");
            }
        }
    }

    /** A tool result holds text, images, documents or newer result blocks; never calls, results or reasoning. */
    static void checkToolResultContent(int message, int block, List<ContentBlock> content) {
        if (content == null) {
            return;
        }
        for (int i = 0; i < content.size(); i++) {
            ContentBlock inner = content.get(i);
            switch (inner) {
                case null -> throw nullBlock(path(message, block) + ".content." + i);
                case ContentBlock.ToolUse use -> throw notInToolResult(message, block, i, inner);
                case ContentBlock.ToolResult result -> throw notInToolResult(message, block, i, inner);
                case ContentBlock.Thinking thinking -> throw notInToolResult(message, block, i, inner);
                case ContentBlock.RedactedThinking redacted -> throw notInToolResult(message, block, i, inner);
                case ContentBlock.Text text -> {
                }
                case ContentBlock.Image image -> {
                }
                case ContentBlock.Document document -> {
                }
                case ContentBlock.Unknown unknown -> {
                }
            }
        }
    }

    /** Empty means no blocks, or only text blocks without text (an empty string arrives as one such block). */
    static boolean isEmpty(List<ContentBlock> content) {
        for (ContentBlock block : content) {
            if (!(block instanceof ContentBlock.Text text) || (text.text() != null && !text.text().isEmpty())) {
                return false;
            }
        }
        return true;
    }

    static GatewayException nullBlock(String path) {
        return at(path, "must be a content block object, got null");
    }

    static GatewayException unknownBlock(String path, String type) {
        return at(path, "unknown content block type " + describe(type));
    }

    private static GatewayException notInToolResult(int message, int block, int inner, ContentBlock found) {
        return at(path(message, block) + ".content." + inner,
                "a " + found.type() + " block can't be inside a tool_result");
    }

    private static void required(int message, int block, String field, String value) {
        if (value == null || value.isBlank()) {
            throw at(path(message, block) + field, "required");
        }
    }
}
