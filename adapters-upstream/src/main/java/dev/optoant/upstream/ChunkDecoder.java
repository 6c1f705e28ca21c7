package dev.optoant.upstream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.optoant.domain.openai.ChatCompletionChunk;
import dev.optoant.domain.openai.ChatCompletionChunk.Choice;
import dev.optoant.domain.openai.ChatCompletionChunk.ChunkDelta;
import dev.optoant.domain.openai.ChatUsage;
import dev.optoant.domain.openai.ToolCall;
import dev.optoant.domain.openai.ToolCall.FunctionCall;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one Chat Completions stream chunk from its JSON bytes with Jackson's streaming parser into the same records,
 * nulls and exceptions as the databind reader it is built with.
 *
 * <p>Handled here: objects and arrays (or {@code null}) where records and lists are expected, strings, numbers and
 * booleans where strings are (as their JSON text), whole numbers in range where integers are, unknown fields at any
 * depth (skipped), and duplicate fields (the last wins until every field of the record has been seen, after which
 * the databind refuses a known one again). A value of any other shape (a string or fraction where an integer is
 * expected, a scalar where an object is, ...) is one no upstream sends and whose coercion rules are the databind's
 * own, so for such a payload the decoder hands the whole payload to the databind reader and returns its answer.
 *
 * <p>One instance per stream: it keeps the previous chunk's {@code id} and {@code model}, which every chunk of a
 * stream repeats, and hands out the same strings again instead of new copies.
 */
final class ChunkDecoder {
    private static final int CHUNK_FIELDS = 0b1111;
    private static final int CHOICE_FIELDS = 0b111;
    private static final int DELTA_FIELDS = 0b1111;
    private static final int TOOL_CALL_FIELDS = 0b1111;
    private static final int FUNCTION_FIELDS = 0b11;
    private static final int USAGE_FIELDS = 0b111111;
    private static final int DETAILS_FIELDS = 0b1;

    private final ObjectReader databind;
    private final JsonFactory json;
    private String id;
    private String model;

    /** A decoder that parses with the reader's own parser factory and defers unusual shapes to the reader. */
    ChunkDecoder(ObjectReader databind) {
        this.databind = databind;
        this.json = databind.getFactory();
    }

    /** The chunk in {@code data[offset, offset + length)}, null for JSON null; throws where the databind does. */
    ChatCompletionChunk decode(byte[] data, int offset, int length) throws IOException {
        try {
            return read(data, offset, length);
        } catch (UnusualShape deferred) {
            return databind.readValue(data, offset, length);
        }
    }

    /** As {@link #decode}, but throws {@link UnusualShape} where it would defer to the databind. */
    ChatCompletionChunk read(byte[] data, int offset, int length) throws IOException {
        try (JsonParser p = json.createParser(data, offset, length)) {
            JsonToken root = p.nextToken();
            if (root == JsonToken.START_OBJECT) {
                return chunk(p);
            }
            if (root == JsonToken.VALUE_NULL) {
                return null;
            }
            throw UnusualShape.INSTANCE;
        }
    }

    private ChatCompletionChunk chunk(JsonParser p) throws IOException {
        String chunkId = null;
        String chunkModel = null;
        List<Choice> choices = null;
        ChatUsage usage = null;
        int seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            switch (name) {
                case "id" -> {
                    seen = see(p, seen, 1, CHUNK_FIELDS);
                    chunkId = id = repeated(p, token, id);
                }
                case "model" -> {
                    seen = see(p, seen, 2, CHUNK_FIELDS);
                    chunkModel = model = repeated(p, token, model);
                }
                case "choices" -> {
                    seen = see(p, seen, 4, CHUNK_FIELDS);
                    choices = choices(p, token);
                }
                case "usage" -> {
                    seen = see(p, seen, 8, CHUNK_FIELDS);
                    usage = usage(p, token);
                }
                default -> p.skipChildren();
            }
        }
        return new ChatCompletionChunk(chunkId, chunkModel, choices, usage);
    }

    private static List<Choice> choices(JsonParser p, JsonToken token) throws IOException {
        if (!startsArray(token)) {
            return null;
        }
        List<Choice> choices = new ArrayList<>(1);
        for (JsonToken element = p.nextToken(); element != JsonToken.END_ARRAY; element = p.nextToken()) {
            choices.add(startsObject(element) ? choice(p) : null);
        }
        return choices;
    }

    private static Choice choice(JsonParser p) throws IOException {
        Integer index = null;
        ChunkDelta delta = null;
        String finishReason = null;
        int seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            switch (name) {
                case "index" -> {
                    seen = see(p, seen, 1, CHOICE_FIELDS);
                    index = integer(p, token);
                }
                case "delta" -> {
                    seen = see(p, seen, 2, CHOICE_FIELDS);
                    delta = startsObject(token) ? delta(p) : null;
                }
                case "finish_reason" -> {
                    seen = see(p, seen, 4, CHOICE_FIELDS);
                    finishReason = string(p, token);
                }
                default -> p.skipChildren();
            }
        }
        return new Choice(index, delta, finishReason);
    }

    private static ChunkDelta delta(JsonParser p) throws IOException {
        String role = null;
        String content = null;
        String reasoningContent = null;
        List<ToolCall> toolCalls = null;
        int seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            switch (name) {
                case "role" -> {
                    seen = see(p, seen, 1, DELTA_FIELDS);
                    role = string(p, token);
                }
                case "content" -> {
                    seen = see(p, seen, 2, DELTA_FIELDS);
                    content = string(p, token);
                }
                case "reasoning_content" -> {
                    seen = see(p, seen, 4, DELTA_FIELDS);
                    reasoningContent = string(p, token);
                }
                case "tool_calls" -> {
                    seen = see(p, seen, 8, DELTA_FIELDS);
                    toolCalls = toolCalls(p, token);
                }
                default -> p.skipChildren();
            }
        }
        return new ChunkDelta(role, content, reasoningContent, toolCalls);
    }

    private static List<ToolCall> toolCalls(JsonParser p, JsonToken token) throws IOException {
        if (!startsArray(token)) {
            return null;
        }
        List<ToolCall> calls = new ArrayList<>(1);
        for (JsonToken element = p.nextToken(); element != JsonToken.END_ARRAY; element = p.nextToken()) {
            calls.add(startsObject(element) ? toolCall(p) : null);
        }
        return calls;
    }

    private static ToolCall toolCall(JsonParser p) throws IOException {
        Integer index = null;
        String callId = null;
        String type = null;
        FunctionCall function = null;
        int seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            switch (name) {
                case "index" -> {
                    seen = see(p, seen, 1, TOOL_CALL_FIELDS);
                    index = integer(p, token);
                }
                case "id" -> {
                    seen = see(p, seen, 2, TOOL_CALL_FIELDS);
                    callId = string(p, token);
                }
                case "type" -> {
                    seen = see(p, seen, 4, TOOL_CALL_FIELDS);
                    type = string(p, token);
                }
                case "function" -> {
                    seen = see(p, seen, 8, TOOL_CALL_FIELDS);
                    function = startsObject(token) ? function(p) : null;
                }
                default -> p.skipChildren();
            }
        }
        return new ToolCall(index, callId, type, function);
    }

    private static FunctionCall function(JsonParser p) throws IOException {
        String name = null;
        String arguments = null;
        int seen = 0;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            switch (field) {
                case "name" -> {
                    seen = see(p, seen, 1, FUNCTION_FIELDS);
                    name = string(p, token);
                }
                case "arguments" -> {
                    seen = see(p, seen, 2, FUNCTION_FIELDS);
                    arguments = string(p, token);
                }
                default -> p.skipChildren();
            }
        }
        return new FunctionCall(name, arguments);
    }

    private static ChatUsage usage(JsonParser p, JsonToken token) throws IOException {
        if (!startsObject(token)) {
            return null;
        }
        Long prompt = null;
        Long completion = null;
        Long total = null;
        Long cacheHit = null;
        ChatUsage.PromptDetails promptDetails = null;
        ChatUsage.CompletionDetails completionDetails = null;
        int seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken value = p.nextToken();
            switch (name) {
                case "prompt_tokens" -> {
                    seen = see(p, seen, 1, USAGE_FIELDS);
                    prompt = longValue(p, value);
                }
                case "completion_tokens" -> {
                    seen = see(p, seen, 2, USAGE_FIELDS);
                    completion = longValue(p, value);
                }
                case "total_tokens" -> {
                    seen = see(p, seen, 4, USAGE_FIELDS);
                    total = longValue(p, value);
                }
                case "prompt_cache_hit_tokens" -> {
                    seen = see(p, seen, 8, USAGE_FIELDS);
                    cacheHit = longValue(p, value);
                }
                case "prompt_tokens_details" -> {
                    seen = see(p, seen, 16, USAGE_FIELDS);
                    promptDetails = startsObject(value)
                            ? new ChatUsage.PromptDetails(details(p, "cached_tokens")) : null;
                }
                case "completion_tokens_details" -> {
                    seen = see(p, seen, 32, USAGE_FIELDS);
                    completionDetails = startsObject(value)
                            ? new ChatUsage.CompletionDetails(details(p, "reasoning_tokens")) : null;
                }
                default -> p.skipChildren();
            }
        }
        return new ChatUsage(prompt, completion, total, cacheHit, promptDetails, completionDetails);
    }

    /** The one count of a {@code *_tokens_details} object. */
    private static Long details(JsonParser p, String field) throws IOException {
        Long count = null;
        int seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            if (name.equals(field)) {
                seen = see(p, seen, 1, DETAILS_FIELDS);
                count = longValue(p, token);
            } else {
                p.skipChildren();
            }
        }
        return count;
    }

    /**
     * Marks a known field as seen. The databind builds a record as soon as it has seen each of its fields once and
     * refuses a known field after that; before, a repeated field overwrites the earlier value.
     */
    private static int see(JsonParser p, int seen, int bit, int all) throws IOException {
        if (seen == all) {
            throw new JsonParseException(p, "field " + p.currentName() + " repeated after the record was complete");
        }
        return seen | bit;
    }

    /** True for an object, false for null; any other shape goes to the databind. */
    private static boolean startsObject(JsonToken token) {
        if (token == JsonToken.START_OBJECT) {
            return true;
        }
        if (token == JsonToken.VALUE_NULL) {
            return false;
        }
        throw UnusualShape.INSTANCE;
    }

    /** True for an array, false for null; any other shape goes to the databind. */
    private static boolean startsArray(JsonToken token) {
        if (token == JsonToken.START_ARRAY) {
            return true;
        }
        if (token == JsonToken.VALUE_NULL) {
            return false;
        }
        throw UnusualShape.INSTANCE;
    }

    /** A string field: a string's value, a number's or boolean's JSON text, or null, as the databind reads it. */
    private static String string(JsonParser p, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> p.getText();
            case VALUE_NULL -> null;
            default -> throw UnusualShape.INSTANCE;
        };
    }

    /** A string field whose value is likely the one the previous chunk had: that same instance if it is. */
    private static String repeated(JsonParser p, JsonToken token, String previous) throws IOException {
        if (token != JsonToken.VALUE_STRING || previous == null) {
            return string(p, token);
        }
        char[] text = p.getTextCharacters();
        int start = p.getTextOffset();
        int length = p.getTextLength();
        if (length != previous.length()) {
            return p.getText();
        }
        for (int i = 0; i < length; i++) {
            if (text[start + i] != previous.charAt(i)) {
                return p.getText();
            }
        }
        return previous;
    }

    private static Integer integer(JsonParser p, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
            return p.getIntValue();
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        throw UnusualShape.INSTANCE;
    }

    private static Long longValue(JsonParser p, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return p.getLongValue();
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        throw UnusualShape.INSTANCE;
    }

    /** A value of a shape the databind coerces by rules of its own: the payload goes to the databind. */
    static final class UnusualShape extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final UnusualShape INSTANCE = new UnusualShape();

        private UnusualShape() {
            super("value of an unusual shape", null, false, false);
        }
    }
}
