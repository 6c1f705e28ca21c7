package dev.optoant.domain.convert;

import dev.optoant.domain.anthropic.ContentBlock;
import dev.optoant.domain.anthropic.MediaSource;
import dev.optoant.domain.openai.MessageContent;
import java.util.ArrayList;
import java.util.List;

/** A user turn's own content (all but its tool results) as Chat Completions content: a string, or parts with media. */
final class UserContent {
    private UserContent() {
    }

    /** Null when nothing is left, as in a turn that only carried tool results. */
    static MessageContent of(List<ContentBlock> content) {
        for (ContentBlock block : content) {
            if (block instanceof ContentBlock.Image || isPdf(block)) {
                return parts(content);
            }
        }
        TextJoiner text = new TextJoiner(TextJoiner.BLOCK_SEPARATOR);
        for (ContentBlock block : content) {
            text.add(textOf(block));
        }
        String joined = text.result();
        return joined == null ? null : new MessageContent.Text(joined);
    }

    /** An image's URL: a {@code data:} URL for base64 data, the URL itself otherwise. */
    static String imageUrl(MediaSource source) {
        if ("url".equals(source.type())) {
            return source.url();
        }
        return "data:" + source.mediaType() + ";base64," + source.data();
    }

    private static MessageContent parts(List<ContentBlock> content) {
        List<MessageContent.Part> parts = new ArrayList<>(content.size());
        for (ContentBlock block : content) {
            if (block instanceof ContentBlock.Image image) {
                parts.add(new MessageContent.ImagePart(new MessageContent.ImageUrl(imageUrl(image.source()))));
            } else if (isPdf(block)) {
                addPdf(parts, (ContentBlock.Document) block);
            } else {
                String text = textOf(block);
                if (text != null && !text.isEmpty()) {
                    parts.add(new MessageContent.TextPart(text));
                }
            }
        }
        return new MessageContent.Parts(parts);
    }

    private static boolean isPdf(ContentBlock block) {
        return block instanceof ContentBlock.Document document
                && DocumentText.kind(document.source()) == DocumentText.Kind.PDF;
    }

    /** The document's context, when given, as a text part ahead of the file; its title names the file. */
    private static void addPdf(List<MessageContent.Part> parts, ContentBlock.Document document) {
        if (document.context() != null && !document.context().isBlank()) {
            parts.add(new MessageContent.TextPart(document.context()));
        }
        MediaSource source = document.source();
        parts.add(new MessageContent.FilePart(new MessageContent.FileData(
                DocumentText.fileName(document.title()), imageUrl(source))));
    }

    private static String textOf(ContentBlock block) {
        return switch (block) {
            case null -> null;
            case ContentBlock.Text text -> text.text();
            case ContentBlock.Document document -> DocumentText.of(document);
            case ContentBlock.Image image -> null;
            // Sent as tool messages ahead of this content.
            case ContentBlock.ToolResult result -> null;
            // Reasoning belongs to assistant turns; in a user turn there is nothing to send it as.
            case ContentBlock.Thinking thinking -> null;
            case ContentBlock.RedactedThinking redacted -> null;
            case ContentBlock.ToolUse toolUse -> null;
            case ContentBlock.Unknown unknown -> null;
        };
    }
}
