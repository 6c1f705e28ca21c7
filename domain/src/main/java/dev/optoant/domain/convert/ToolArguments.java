package dev.optoant.domain.convert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.optoant.domain.json.PooledJson;

/**
 * A tool call's {@code arguments} text made into the JSON object a tool_use {@code input} must be.
 *
 * <ul>
 *   <li>missing or blank: {@code {}};
 *   <li>a JSON object: itself; any other JSON value: {@code {"value": <it>}} ({@link #VALUE_KEY});
 *   <li>JSON cut short, as when an answer hits {@code max_tokens} inside a call: repaired by {@link #repair};
 *   <li>anything else: {@code {"_raw": "<text>"}} ({@link #RAW_KEY}), so the client sees the text, not an error.
 * </ul>
 */
public final class ToolArguments {
    /** The key under which arguments that are not JSON, even after repair, are kept as text. */
    public static final String RAW_KEY = "_raw";
    /** The key under which arguments that are JSON but not an object are wrapped. */
    public static final String VALUE_KEY = "value";

    private static final ObjectReader READER =
            PooledJson.newMapper().readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final String[] LITERALS = {"true", "false", "null"};

    private ToolArguments() {
    }

    public static ObjectNode parse(String arguments) {
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        if (arguments == null || arguments.isBlank()) {
            return input;
        }
        JsonNode value = read(arguments);
        if (value == null) {
            String repaired = repair(arguments);
            value = repaired == null ? null : read(repaired);
        }
        if (value == null) {
            return input.put(RAW_KEY, arguments);
        }
        if (value instanceof ObjectNode object) {
            return object;
        }
        input.set(VALUE_KEY, value);
        return input;
    }

    /**
     * Mends an object or array that was cut short: completes a cut escape, string or literal, drops a dangling comma
     * or number sign, gives a dangling colon a {@code null}, and closes the open brackets; failing that, drops the
     * member that was cut. Returns null for text that is not a cut-short object or array. When only characters need
     * adding the result starts with the text, so a stream can send the difference as one more fragment.
     */
    static String repair(String text) {
        int start = 0;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        if (start == text.length() || (text.charAt(start) != '{' && text.charAt(start) != '[')) {
            return null;
        }
        StringBuilder open = new StringBuilder();
        boolean inString = false;
        boolean escaped = false;
        int hexLeft = 0;
        int escapeStart = -1;
        int cut = -1;
        String openAtCut = "";
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (escaped) {
                    escaped = false;
                    hexLeft = c == 'u' ? 4 : 0;
                } else if (hexLeft > 0) {
                    hexLeft--;
                } else if (c == '\\') {
                    escaped = true;
                    escapeStart = i;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> inString = true;
                case '{', '[' -> {
                    open.append(c);
                    cut = i + 1;
                    openAtCut = open.toString();
                }
                case '}', ']' -> {
                    if (open.isEmpty()) {
                        return null;
                    }
                    open.setLength(open.length() - 1);
                }
                case ',' -> {
                    cut = i;
                    openAtCut = open.toString();
                }
                default -> {
                }
            }
        }
        if (open.isEmpty() && !inString) {
            return null;
        }
        StringBuilder mended = new StringBuilder(text.length() + open.length() + 8);
        if (inString) {
            mended.append(text, 0, escaped || hexLeft > 0 ? escapeStart : text.length()).append('"');
        } else {
            mended.append(text);
            mendTail(mended);
        }
        String closed = close(mended, open);
        if (read(closed) != null) {
            return closed;
        }
        if (cut < 0) {
            return null;
        }
        mended.setLength(0);
        String shortened = close(mended.append(text, 0, cut), openAtCut);
        return read(shortened) != null ? shortened : null;
    }

    private static void mendTail(StringBuilder json) {
        while (true) {
            int last = json.length() - 1;
            while (last >= 0 && Character.isWhitespace(json.charAt(last))) {
                last--;
            }
            if (last < 0) {
                return;
            }
            char c = json.charAt(last);
            boolean exponent = (c == 'e' || c == 'E') && last > 0 && Character.isDigit(json.charAt(last - 1));
            if (c == ',' || c == '.' || c == '+' || c == '-' || exponent) {
                json.setLength(last);
            } else if (c == ':') {
                json.append("null");
                return;
            } else {
                if (last == json.length() - 1) {
                    completeLiteral(json);
                }
                return;
            }
        }
    }

    private static void completeLiteral(StringBuilder json) {
        int wordStart = json.length();
        while (wordStart > 0 && Character.isLetter(json.charAt(wordStart - 1))) {
            wordStart--;
        }
        String word = json.substring(wordStart);
        for (String literal : LITERALS) {
            if (!word.isEmpty() && literal.length() > word.length() && literal.startsWith(word)) {
                json.append(literal, word.length(), literal.length());
                return;
            }
        }
    }

    private static String close(StringBuilder json, CharSequence open) {
        for (int i = open.length() - 1; i >= 0; i--) {
            json.append(open.charAt(i) == '{' ? '}' : ']');
        }
        return json.toString();
    }

    private static JsonNode read(String text) {
        try {
            JsonNode node = READER.readValue(text);
            return node == null || node.isMissingNode() ? null : node;
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }
}
