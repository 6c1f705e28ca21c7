package dev.optoant.http.openapi;

import static dev.optoant.http.openapi.Schemas.add;
import static dev.optoant.http.openapi.Schemas.array;
import static dev.optoant.http.openapi.Schemas.constant;
import static dev.optoant.http.openapi.Schemas.int64;
import static dev.optoant.http.openapi.Schemas.integer;
import static dev.optoant.http.openapi.Schemas.nullable;
import static dev.optoant.http.openapi.Schemas.object;
import static dev.optoant.http.openapi.Schemas.ref;
import static dev.optoant.http.openapi.Schemas.required;
import static dev.optoant.http.openapi.Schemas.string;
import static dev.optoant.http.openapi.Schemas.typed;
import static dev.optoant.http.openapi.Schemas.union;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.ObjectSchema;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Anthropic answer side: the message, usage, the stream-event and delta unions, models and errors. */
final class AnthropicResponseSchemas {
    private AnthropicResponseSchemas() {
    }

    static void addTo(Components components) {
        ObjectSchema message = object("A complete assistant message");
        message.addProperty("id", string(null));
        message.addProperty("type", constant("message"));
        message.addProperty("role", constant("assistant"));
        message.addProperty("model", string("The model the client asked for"));
        message.addProperty("content", array(ref(AnthropicRequestSchemas.CONTENT_BLOCK),
                "Thinking, then text, then tool_use blocks"));
        message.addProperty("stop_reason", nullable(string("end_turn, max_tokens, stop_sequence, tool_use, "
                + "pause_turn, refusal; null in message_start")));
        message.addProperty("stop_sequence", nullable(string("Always null: upstreams don't say which matched")));
        message.addProperty("usage", ref("Usage"));
        add(components, OpenApiNames.MESSAGE, required(message, "id", "type", "role", "model", "content",
                "stop_reason", "stop_sequence", "usage"));

        ObjectSchema usage = object("Token usage; input_tokens excludes tokens read from the cache");
        usage.addProperty("input_tokens", int64(null));
        usage.addProperty("cache_creation_input_tokens", int64("Always 0"));
        usage.addProperty("cache_read_input_tokens", int64(null));
        usage.addProperty("output_tokens", int64(null));
        add(components, "Usage", required(usage, "input_tokens", "cache_creation_input_tokens",
                "cache_read_input_tokens", "output_tokens"));

        ObjectSchema count = object(null);
        count.addProperty("input_tokens", int64("Counted locally (o200k_base plus message framing)"));
        add(components, OpenApiNames.COUNT_TOKENS_RESPONSE, required(count, "input_tokens"));

        ObjectSchema model = typed("model", null);
        model.addProperty("id", string(null));
        model.addProperty("display_name", string(null));
        model.addProperty("created_at", string("RFC 3339 time"));
        add(components, OpenApiNames.MODEL_INFO, required(model, "id", "display_name", "created_at"));
        ObjectSchema models = object("The models of anthropic.models, one page holding all of them");
        models.addProperty("data", array(ref(OpenApiNames.MODEL_INFO), null));
        models.addProperty("has_more", Schemas.bool("Always false"));
        models.addProperty("first_id", nullable(string(null)));
        models.addProperty("last_id", nullable(string(null)));
        add(components, OpenApiNames.MODEL_LIST, required(models, "data", "has_more", "first_id", "last_id"));

        ObjectSchema errorBody = object(null);
        errorBody.addProperty("type", string("invalid_request_error (400), authentication_error (401), "
                + "permission_error (403), not_found_error (404), request_too_large (413), rate_limit_error (429), "
                + "api_error (500, 502, 504), overloaded_error (529)"));
        errorBody.addProperty("message", string(null));
        add(components, "AnthropicErrorBody", required(errorBody, "type", "message"));
        ObjectSchema error = typed("error", "An error in Anthropic's shape, as every /anthropic path answers");
        error.addProperty("error", ref("AnthropicErrorBody"));
        add(components, OpenApiNames.ANTHROPIC_ERROR, required(error, "error"));

        addStreamEvents(components);
    }

    private static void addStreamEvents(Components components) {
        Map<String, String> events = new LinkedHashMap<>();
        events.put("message_start", "MessageStartEvent");
        events.put("content_block_start", "ContentBlockStartEvent");
        events.put("content_block_delta", "ContentBlockDeltaEvent");
        events.put("content_block_stop", "ContentBlockStopEvent");
        events.put("message_delta", "MessageDeltaEvent");
        events.put("message_stop", "MessageStopEvent");
        events.put("ping", "PingEvent");
        events.put("error", "ErrorEvent");
        add(components, OpenApiNames.MESSAGE_STREAM_EVENT, union("The data of one server-sent event; the SSE "
                + "event name equals type. Order: message_start, per block content_block_start, deltas, "
                + "content_block_stop, then message_delta and message_stop; ping during silences; error ends a "
                + "failed stream", events));

        ObjectSchema start = typed("message_start", "The message shell: no content yet, estimated input usage");
        start.addProperty("message", ref(OpenApiNames.MESSAGE));
        add(components, "MessageStartEvent", required(start, "message"));
        ObjectSchema blockStart = typed("content_block_start", "Text and thinking start empty, tool_use with input {}");
        blockStart.addProperty("index", integer(null));
        blockStart.addProperty("content_block", ref(AnthropicRequestSchemas.CONTENT_BLOCK));
        add(components, "ContentBlockStartEvent", required(blockStart, "index", "content_block"));
        ObjectSchema blockDelta = typed("content_block_delta", null);
        blockDelta.addProperty("index", integer(null));
        blockDelta.addProperty("delta", ref("ContentBlockDelta"));
        add(components, "ContentBlockDeltaEvent", required(blockDelta, "index", "delta"));
        ObjectSchema blockStop = typed("content_block_stop", null);
        blockStop.addProperty("index", integer(null));
        add(components, "ContentBlockStopEvent", required(blockStop, "index"));
        ObjectSchema deltaBody = object(null);
        deltaBody.addProperty("stop_reason", nullable(string(null)));
        deltaBody.addProperty("stop_sequence", nullable(string(null)));
        ObjectSchema messageDelta = typed("message_delta", "The stop reason and the upstream's usage, sent once");
        messageDelta.addProperty("delta", deltaBody);
        messageDelta.addProperty("usage", ref("Usage"));
        add(components, "MessageDeltaEvent", required(messageDelta, "delta", "usage"));
        add(components, "MessageStopEvent", typed("message_stop", "The last event"));
        add(components, "PingEvent", typed("ping", null));
        ObjectSchema error = typed("error", "A failure after the stream started; the stream ends after it");
        error.addProperty("error", ref("AnthropicErrorBody"));
        add(components, "ErrorEvent", required(error, "error"));

        Map<String, String> deltas = new LinkedHashMap<>();
        deltas.put("text_delta", "TextDelta");
        deltas.put("input_json_delta", "InputJsonDelta");
        deltas.put("thinking_delta", "ThinkingDelta");
        deltas.put("signature_delta", "SignatureDelta");
        add(components, "ContentBlockDelta", union("What a content_block_delta adds to its block", deltas));
        add(components, "TextDelta", withString(typed("text_delta", null), "text"));
        add(components, "InputJsonDelta", withString(typed("input_json_delta", "A fragment of the tool input's "
                + "JSON text"), "partial_json"));
        add(components, "ThinkingDelta", withString(typed("thinking_delta", null), "thinking"));
        add(components, "SignatureDelta", withString(typed("signature_delta", null), "signature"));
    }

    private static ObjectSchema withString(ObjectSchema schema, String property) {
        schema.addProperty(property, string(null));
        return required(schema, property);
    }
}
