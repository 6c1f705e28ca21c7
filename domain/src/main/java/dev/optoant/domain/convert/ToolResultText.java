package dev.optoant.domain.convert;

import dev.optoant.domain.anthropic.ContentBlock;

/** A {@code tool_result}'s content flattened to the text of a Chat Completions {@code tool} message. */
final class ToolResultText {
    static final String IMAGE_OMITTED = "[image omitted]";
    static final String DOCUMENT_OMITTED = "[document omitted]";
    static final String ERROR_MARK = "Error";
    private static final String LINE_SEPARATOR = "\n";

    private ToolResultText() {
    }

    /** Text blocks joined with newlines; a failed call is marked so the model sees it failed. */
    static String of(ContentBlock.ToolResult result) {
        TextJoiner text = new TextJoiner(LINE_SEPARATOR);
        if (result.content() != null) {
            for (ContentBlock block : result.content()) {
                text.add(pieceOf(block));
            }
        }
        String body = text.result();
        if (!result.failed()) {
            return body == null ? "" : body;
        }
        // OpenAI tool messages have no error flag; without a visible marker the model reads a failure as output.
        return body == null ? ERROR_MARK : ERROR_MARK + ": " + body;
    }

    private static String pieceOf(ContentBlock block) {
        return switch (block) {
            case null -> null;
            case ContentBlock.Text text -> text.text();
            // Tool messages carry text only, on every OpenAI-compatible server.
            case ContentBlock.Image image -> IMAGE_OMITTED;
            case ContentBlock.Document document -> {
                String text = DocumentText.of(document);
                yield text == null ? DOCUMENT_OMITTED : text;
            }
            // Newer result block types (tool_reference, search_result, ...) stay visible to the model as their JSON.
            case ContentBlock.Unknown unknown -> String.valueOf(unknown.raw());
            case ContentBlock.ToolUse toolUse -> null;
            case ContentBlock.ToolResult nested -> null;
            case ContentBlock.Thinking thinking -> null;
            case ContentBlock.RedactedThinking redacted -> null;
        };
    }
}
