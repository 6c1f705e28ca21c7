package dev.optoant.domain.convert;

import dev.optoant.domain.anthropic.ContentBlock;
import java.util.List;
import java.util.StringJoiner;

/** Joins pieces of text with a separator, skipping empty ones; a single piece comes back as it is, uncopied. */
final class TextJoiner {
    /**
     * Between content blocks everywhere (system, user and assistant text, reasoning). Anthropic reads consecutive
     * text blocks as one text; a blank line keeps blocks that don't end in a newline from running together.
     */
    static final String BLOCK_SEPARATOR = "\n\n";

    // StringJoiner builds the result in one uninitialised allocation, where a StringBuilder copies twice.
    private final StringJoiner joiner;
    private boolean empty = true;

    TextJoiner(String separator) {
        this.joiner = new StringJoiner(separator);
    }

    /** The text blocks' text joined with {@link #BLOCK_SEPARATOR}, other blocks skipped; null when there is none. */
    static String joinTextBlocks(List<ContentBlock> blocks) {
        if (blocks == null) {
            return null;
        }
        TextJoiner joiner = new TextJoiner(BLOCK_SEPARATOR);
        for (ContentBlock block : blocks) {
            if (block instanceof ContentBlock.Text text) {
                joiner.add(text.text());
            }
        }
        return joiner.result();
    }

    void add(String piece) {
        if (piece != null && !piece.isEmpty()) {
            joiner.add(piece);
            empty = false;
        }
    }

    /** The joined text; null when nothing was added. */
    String result() {
        return empty ? null : joiner.toString();
    }
}
