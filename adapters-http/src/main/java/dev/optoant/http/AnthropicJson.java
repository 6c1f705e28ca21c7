package dev.optoant.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.optoant.domain.anthropic.Delta;
import dev.optoant.domain.anthropic.MessagesRequest;
import dev.optoant.domain.anthropic.StreamEvent;
import dev.optoant.domain.error.ErrorKind;
import dev.optoant.domain.error.GatewayException;
import dev.optoant.domain.json.PooledJson;
import dev.optoant.domain.passthrough.BodyTooLargeException;
import dev.optoant.domain.passthrough.BoundedInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.regex.Pattern;

/** Reads Anthropic request bodies and writes Anthropic JSON, turning every parse failure into a clear 400. */
final class AnthropicJson {
    private static final ObjectMapper JSON = PooledJson.newMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
            // Anthropic's API takes integers where it says so: 1.5 tokens is an error, not 1.
            .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false)
            // A repeated key would mean whatever the last parser in a chain decides; refuse it instead.
            .configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true);
    // "`dev.optoant.domain.anthropic.InputMessage`" in a Jackson message becomes "`InputMessage`".
    private static final Pattern QUALIFIED_NAME = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_$]*)");
    private static final ObjectReader REQUEST = JSON.readerFor(MessagesRequest.class);
    // Events go one after another through a stream's generator; the sink decides when bytes leave.
    private static final ObjectWriter EVENT = JSON.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    // Names and constant values of delta events, encoded once.
    private static final SerializedString TYPE = new SerializedString("type");
    private static final SerializedString INDEX = new SerializedString("index");
    private static final SerializedString DELTA = new SerializedString("delta");
    private static final SerializedString CONTENT_BLOCK_DELTA = new SerializedString("content_block_delta");
    private static final SerializedString TEXT_DELTA = new SerializedString("text_delta");
    private static final SerializedString TEXT = new SerializedString("text");
    private static final SerializedString THINKING_DELTA = new SerializedString("thinking_delta");
    private static final SerializedString THINKING = new SerializedString("thinking");
    private static final SerializedString INPUT_JSON_DELTA = new SerializedString("input_json_delta");
    private static final SerializedString PARTIAL_JSON = new SerializedString("partial_json");
    private static final SerializedString SIGNATURE_DELTA = new SerializedString("signature_delta");
    private static final SerializedString SIGNATURE = new SerializedString("signature");

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build());
    }

    private AnthropicJson() {
    }

    /** A declared {@code Content-Length} over the limit is refused before a byte of the body is read. */
    static void requireDeclaredLengthWithin(long contentLength, long maxBytes) {
        if (contentLength > maxBytes) {
            throw new GatewayException(ErrorKind.REQUEST_TOO_LARGE,
                    "Request body exceeds the limit of " + maxBytes + " bytes");
        }
    }

    /**
     * {@link #readRequest(InputStream, long)}, reading the rest of a body refused part-way (bad JSON, too deep) to
     * its end, so a client still sending it gets the error instead of a reset connection.
     */
    static MessagesRequest readRequest(HttpServletRequest http, InputStream body, long maxBytes) {
        try {
            return readRequest(body, maxBytes);
        } catch (GatewayException refused) {
            if (refused.kind() != ErrorKind.REQUEST_TOO_LARGE) {
                RequestBodyDrain.drain(http, maxBytes);
            }
            throw refused;
        }
    }

    static MessagesRequest readRequest(InputStream body, long maxBytes) {
        try {
            // Trailing content is checked here: FAIL_ON_TRAILING_TOKENS would also fire inside the content-block
            // deserializers, which bind sub-trees from the same parser.
            try (JsonParser parser = JSON.createParser(new Utf8CheckingInputStream(new BoundedInputStream(body, maxBytes)))) {
                MessagesRequest request = REQUEST.readValue(parser);
                if (request == null) {
                    throw new GatewayException(ErrorKind.INVALID_REQUEST, "The request body is empty; a JSON object is required");
                }
                if (parser.nextToken() != null) {
                    throw new GatewayException(ErrorKind.INVALID_REQUEST,
                            "The request body must hold one JSON object and nothing after it");
                }
                return request;
            }
        } catch (BodyTooLargeException e) {
            throw new GatewayException(ErrorKind.REQUEST_TOO_LARGE, e.getMessage());
        } catch (Utf8CheckingInputStream.NotUtf8Exception e) {
            throw new GatewayException(ErrorKind.INVALID_REQUEST, e.getMessage());
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof BodyTooLargeException tooLarge) {
                throw new GatewayException(ErrorKind.REQUEST_TOO_LARGE, tooLarge.getMessage());
            }
            if (e.getCause() instanceof Utf8CheckingInputStream.NotUtf8Exception notUtf8) {
                throw new GatewayException(ErrorKind.INVALID_REQUEST, notUtf8.getMessage());
            }
            if (e instanceof MismatchedInputException mismatch) {
                throw new GatewayException(ErrorKind.INVALID_REQUEST, describe(mismatch));
            }
            throw new GatewayException(ErrorKind.INVALID_REQUEST, "The request body is not valid JSON: " + unqualified(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new GatewayException(ErrorKind.INVALID_REQUEST, "The request body could not be read: " + e.getMessage());
        }
    }

    static byte[] write(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new GatewayException(ErrorKind.INTERNAL, "Could not encode the response", e);
        }
    }

    /**
     * A generator for a stream of events on {@code out}: no separator between values, and its {@code flush} only
     * hands its buffer to {@code out} (the caller flushes {@code out} itself); closing it leaves {@code out} open.
     */
    static JsonGenerator eventGenerator(OutputStream out) throws IOException {
        JsonGenerator generator = JSON.createGenerator(out)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
        generator.setRootValueSeparator(null);
        return generator;
    }

    static void writeEvent(JsonGenerator generator, StreamEvent event) throws IOException {
        if (!(event instanceof StreamEvent.ContentBlockDelta delta) || !writeDelta(generator, delta)) {
            EVENT.writeValue(generator, event);
        }
    }

    /**
     * Writes the bytes databind would write for a delta event, the bulk of every stream, without its per-value
     * serializer lookup and reflective accessor calls; false, having written nothing, for a null delta or piece.
     */
    private static boolean writeDelta(JsonGenerator generator, StreamEvent.ContentBlockDelta event) throws IOException {
        SerializedString type;
        SerializedString field;
        String piece;
        switch (event.delta()) {
            case Delta.TextDelta text -> {
                type = TEXT_DELTA;
                field = TEXT;
                piece = text.text();
            }
            case Delta.ThinkingDelta thinking -> {
                type = THINKING_DELTA;
                field = THINKING;
                piece = thinking.thinking();
            }
            case Delta.InputJsonDelta json -> {
                type = INPUT_JSON_DELTA;
                field = PARTIAL_JSON;
                piece = json.partialJson();
            }
            case Delta.SignatureDelta signature -> {
                type = SIGNATURE_DELTA;
                field = SIGNATURE;
                piece = signature.signature();
            }
            case null -> {
                return false;
            }
        }
        if (piece == null) {
            return false;
        }
        generator.writeStartObject();
        generator.writeFieldName(TYPE);
        generator.writeString(CONTENT_BLOCK_DELTA);
        generator.writeFieldName(INDEX);
        generator.writeNumber(event.index());
        generator.writeFieldName(DELTA);
        generator.writeStartObject();
        generator.writeFieldName(TYPE);
        generator.writeString(type);
        generator.writeFieldName(field);
        generator.writeString(piece);
        generator.writeEndObject();
        generator.writeEndObject();
        return true;
    }

    private static String describe(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('.').append(reference.getIndex());
            }
        }
        String where = path.isEmpty() ? "the request body" : path.toString();
        return where + ": " + unqualified(e.getOriginalMessage());
    }

    /** Jackson names Java types in its messages; a client needs the JSON field, not our package layout. */
    private static String unqualified(String message) {
        return message == null ? null : QUALIFIED_NAME.matcher(message).replaceAll("$1");
    }
}
