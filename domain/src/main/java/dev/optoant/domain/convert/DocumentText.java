package dev.optoant.domain.convert;

import com.fasterxml.jackson.databind.JsonNode;
import dev.optoant.domain.anthropic.ContentBlock;
import dev.optoant.domain.anthropic.MediaSource;
import java.util.Locale;

/** The text form of a {@code document} block: plain-text and content-block sources have one, PDFs don't. */
final class DocumentText {
    static final String PDF_MEDIA_TYPE = "application/pdf";
    private static final String BLOCK_SEPARATOR = "\n\n";
    private static final String DEFAULT_PDF_NAME = "document.pdf";

    /** How a document's bytes are given. */
    enum Kind { TEXT, CONTENT, PDF, UNSUPPORTED }

    private DocumentText() {
    }

    static Kind kind(MediaSource source) {
        if (source == null || source.type() == null) {
            return Kind.UNSUPPORTED;
        }
        return switch (source.type()) {
            case "text" -> Kind.TEXT;
            case "content" -> Kind.CONTENT;
            case "base64" -> PDF_MEDIA_TYPE.equals(source.mediaType()) ? Kind.PDF : Kind.UNSUPPORTED;
            // Anthropic's URL document source only ever points at a PDF.
            case "url" -> Kind.PDF;
            default -> Kind.UNSUPPORTED;
        };
    }

    /** The document as text, its title and context (when given) first, blank-line separated; null when it has none. */
    static String of(ContentBlock.Document document) {
        MediaSource source = document.source();
        String body = switch (kind(source)) {
            case TEXT -> source.data() == null ? "" : source.data();
            case CONTENT -> contentText(source.content());
            case PDF, UNSUPPORTED -> null;
        };
        if (body == null) {
            return null;
        }
        if (isBlank(document.title()) && isBlank(document.context())) {
            return body;
        }
        StringBuilder out = new StringBuilder();
        append(out, document.title());
        append(out, document.context());
        append(out, body);
        return out.toString();
    }

    /** A {@code content} source: a string, or text blocks joined with blank lines; null if any block is not text. */
    static String contentText(JsonNode content) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.textValue();
        }
        if (!content.isArray()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (JsonNode block : content) {
            JsonNode text = block.get("text");
            if (!"text".equals(block.path("type").textValue()) || text == null || !text.isTextual()) {
                return null;
            }
            append(out, text.textValue());
        }
        return out.toString();
    }

    /** A PDF's file name: its title with a {@code .pdf} ending, or {@code document.pdf} when it has none. */
    static String fileName(String title) {
        if (isBlank(title)) {
            return DEFAULT_PDF_NAME;
        }
        String name = title.strip();
        return name.toLowerCase(Locale.ROOT).endsWith(".pdf") ? name : name + ".pdf";
    }

    private static void append(StringBuilder out, String piece) {
        if (isBlank(piece)) {
            return;
        }
        if (!out.isEmpty()) {
            out.append(BLOCK_SEPARATOR);
        }
        out.append(piece);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
