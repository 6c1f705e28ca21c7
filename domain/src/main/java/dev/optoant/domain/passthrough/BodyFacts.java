package dev.optoant.domain.passthrough;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.optoant.domain.json.PooledJson;
import dev.optoant.domain.messages.UpstreamErrors;
import dev.optoant.domain.openai.ChatUsage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Reads what the log needs from the edges of relayed bodies, tolerating truncation and garbage. */
final class BodyFacts {
    private static final ObjectMapper JSON = PooledJson.newMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();
    private static final ObjectReader USAGE = JSON.readerFor(ChatUsage.class);
    private static final byte[] USAGE_KEY = "\"usage\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ERROR_KEY = "\"error\"".getBytes(StandardCharsets.US_ASCII);

    private BodyFacts() {
    }

    /** The request's top-level {@code model} and {@code stream}, as far as the captured prefix shows them. */
    record RequestFacts(String model, boolean stream) {
    }

    static RequestFacts request(byte[] prefix) {
        String model = null;
        boolean stream = false;
        try (JsonParser parser = FACTORY.createParser(prefix)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return new RequestFacts(null, false);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("model".equals(name) && value == JsonToken.VALUE_STRING) {
                    model = parser.getText();
                } else if ("stream".equals(name)) {
                    stream = value == JsonToken.VALUE_TRUE;
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException | RuntimeException truncatedOrNotJson) {
            // what was read before the cut stands
        }
        return new RequestFacts(model, stream);
    }

    /** The last non-null {@code "usage"} object in the tail of a JSON body or SSE stream, or null. */
    static ChatUsage usage(byte[] tail) {
        for (int at = lastIndexOf(tail, USAGE_KEY, tail.length); at >= 0; at = lastIndexOf(tail, USAGE_KEY, at - 1)) {
            int brace = at + USAGE_KEY.length;
            while (brace < tail.length && (tail[brace] == ' ' || tail[brace] == ':' || tail[brace] == '\t')) {
                brace++;
            }
            if (brace < tail.length && tail[brace] == '{') {
                try {
                    return USAGE.readValue(tail, brace, tail.length - brace);
                } catch (IOException | RuntimeException incomplete) {
                    // look further back
                }
            }
        }
        return null;
    }

    /**
     * The upstream's message when a successful body, or the last event of a stream, is an error object rather than
     * an answer ({@code {"error":{...}}} sent with 200); null otherwise.
     */
    static String errorInBody(byte[] tail) {
        // Every successful response passes here: most have no error key, and need no text made of them.
        if (lastIndexOf(tail, ERROR_KEY, tail.length) < 0) {
            return null;
        }
        String text = new String(tail, StandardCharsets.UTF_8).strip();
        String candidate = text;
        int data = text.lastIndexOf("data:");
        while (data >= 0) {
            String event = text.substring(data + 5).strip();
            int end = event.indexOf('\n');
            event = end < 0 ? event : event.substring(0, end).strip();
            if (!event.equals("[DONE]")) {
                candidate = event;
                break;
            }
            data = data == 0 ? -1 : text.lastIndexOf("data:", data - 1);
        }
        try {
            JsonNode root = JSON.readTree(candidate);
            if (root != null && root.has("error") && !root.has("choices")) {
                return UpstreamErrors.extract(candidate);
            }
        } catch (IOException | RuntimeException notOneObject) {
            // a cut or unreadable tail tells nothing
        }
        return null;
    }

    /** The last start of {@code needle} in {@code haystack} at or before {@code from}, or -1. */
    private static int lastIndexOf(byte[] haystack, byte[] needle, int from) {
        for (int i = Math.min(from, haystack.length - needle.length); i >= 0; i--) {
            int j = 0;
            while (j < needle.length && haystack[i + j] == needle[j]) {
                j++;
            }
            if (j == needle.length) {
                return i;
            }
        }
        return -1;
    }
}
