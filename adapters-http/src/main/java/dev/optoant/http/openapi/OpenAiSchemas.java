package dev.optoant.http.openapi;

import static dev.optoant.http.openapi.Schemas.add;
import static dev.optoant.http.openapi.Schemas.anyJson;
import static dev.optoant.http.openapi.Schemas.array;
import static dev.optoant.http.openapi.Schemas.bool;
import static dev.optoant.http.openapi.Schemas.constant;
import static dev.optoant.http.openapi.Schemas.int64;
import static dev.optoant.http.openapi.Schemas.integer;
import static dev.optoant.http.openapi.Schemas.nullable;
import static dev.optoant.http.openapi.Schemas.number;
import static dev.optoant.http.openapi.Schemas.object;
import static dev.optoant.http.openapi.Schemas.oneOfStrings;
import static dev.optoant.http.openapi.Schemas.ref;
import static dev.optoant.http.openapi.Schemas.required;
import static dev.optoant.http.openapi.Schemas.string;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.ObjectSchema;

/**
 * The OpenAI shapes the passthrough relays, in outline: the gateway never parses or rebuilds these bodies, so every
 * field the upstream knows passes whether listed here or not. Also the gateway's own error shape.
 */
final class OpenAiSchemas {
    static final String CHAT_REQUEST = "ChatCompletionRequest";
    static final String CHAT_COMPLETION = "ChatCompletion";
    static final String CHAT_CHUNK = "ChatCompletionChunk";
    static final String OPENAI_MODEL_LIST = "OpenAiModelList";

    private OpenAiSchemas() {
    }

    static void addTo(Components components) {
        ObjectSchema request = object("Chat Completions request, relayed byte for byte (unknown fields included)");
        request.addProperty("model", string(null));
        request.addProperty("messages", array(ref("ChatMessage"), null));
        request.addProperty("stream", bool("true answers with server-sent events ending in data: [DONE]"));
        request.addProperty("stream_options", anyJson("e.g. {\"include_usage\": true}"));
        request.addProperty("max_tokens", integer(null));
        request.addProperty("temperature", number(null));
        request.addProperty("top_p", number(null));
        request.addProperty("stop", anyJson("A string or an array of strings"));
        request.addProperty("tools", array(anyJson("A function tool"), null));
        request.addProperty("tool_choice", anyJson(null));
        request.addProperty("user", string(null));
        add(components, CHAT_REQUEST, required(request, "model", "messages"));

        ObjectSchema message = object(null);
        message.addProperty("role", oneOfStrings(null, "system", "developer", "user", "assistant", "tool"));
        message.addProperty("content", nullable(anyJson("A string or an array of content parts")));
        message.addProperty("reasoning_content", nullable(string("DeepSeek's reasoning text")));
        message.addProperty("tool_calls", array(anyJson("A function call"), null));
        message.addProperty("tool_call_id", string("With role tool"));
        add(components, "ChatMessage", required(message, "role"));

        ObjectSchema usage = object(null);
        usage.addProperty("prompt_tokens", int64(null));
        usage.addProperty("completion_tokens", int64(null));
        usage.addProperty("total_tokens", int64(null));
        add(components, "ChatUsage", usage);

        add(components, CHAT_COMPLETION, completion("Chat Completions answer, as the upstream sent it",
                "chat.completion", choice("message", "stop, length, tool_calls, content_filter, ...")));
        add(components, CHAT_CHUNK, completion("The data of one server-sent event of a streamed completion; the "
                + "stream ends with data: [DONE]", "chat.completion.chunk", choice("delta", null)));

        ObjectSchema model = object(null);
        model.addProperty("id", string(null));
        model.addProperty("object", constant("model"));
        model.addProperty("owned_by", string(null));
        ObjectSchema models = object("The upstream's model list");
        models.addProperty("object", constant("list"));
        models.addProperty("data", array(model, null));
        add(components, OPENAI_MODEL_LIST, models);

        ObjectSchema errorBody = object(null);
        errorBody.addProperty("message", string(null));
        errorBody.addProperty("type", string("invalid_request_error, authentication_error, permission_error, "
                + "rate_limit_error, server_error, upstream_error"));
        errorBody.addProperty("code", string("invalid_request, invalid_api_key, not_found, request_too_large, "
                + "upstream_unreachable, overloaded, upstream_timeout, ..."));
        ObjectSchema error = object("An error in OpenAI's shape: the gateway's own errors on /v1, the admin API and "
                + "every other path outside /anthropic. Upstream errors on /v1 pass through unchanged");
        error.addProperty("error", required(errorBody, "message", "type", "code"));
        add(components, OpenApiNames.OPENAI_ERROR, required(error, "error"));
    }

    /** A completion or one chunk of it: the two share every field but the object type and their choices. */
    private static ObjectSchema completion(String description, String objectType, ObjectSchema choice) {
        ObjectSchema completion = object(description);
        completion.addProperty("id", string(null));
        completion.addProperty("object", constant(objectType));
        completion.addProperty("created", int64(null));
        completion.addProperty("model", string(null));
        completion.addProperty("choices", array(choice, null));
        completion.addProperty("usage", ref("ChatUsage"));
        return completion;
    }

    /** One choice, whose message is under {@code messageField} ({@code message}, or {@code delta} in a chunk). */
    private static ObjectSchema choice(String messageField, String finishReasons) {
        ObjectSchema choice = object(null);
        choice.addProperty("index", integer(null));
        choice.addProperty(messageField, ref("ChatMessage"));
        choice.addProperty("finish_reason", nullable(string(finishReasons)));
        return choice;
    }
}
