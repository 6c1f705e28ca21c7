package dev.optoant.http.openapi;

import static dev.optoant.http.openapi.Schemas.add;
import static dev.optoant.http.openapi.Schemas.anyJson;
import static dev.optoant.http.openapi.Schemas.array;
import static dev.optoant.http.openapi.Schemas.bool;
import static dev.optoant.http.openapi.Schemas.integer;
import static dev.optoant.http.openapi.Schemas.number;
import static dev.optoant.http.openapi.Schemas.object;
import static dev.optoant.http.openapi.Schemas.oneOfStrings;
import static dev.optoant.http.openapi.Schemas.ref;
import static dev.optoant.http.openapi.Schemas.required;
import static dev.optoant.http.openapi.Schemas.string;
import static dev.optoant.http.openapi.Schemas.stringOr;
import static dev.optoant.http.openapi.Schemas.typed;
import static dev.optoant.http.openapi.Schemas.union;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.ObjectSchema;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Anthropic request side: {@code MessagesRequest}, its messages, tools and the content-block union. */
final class AnthropicRequestSchemas {
    static final String CONTENT_BLOCK = "ContentBlock";

    private AnthropicRequestSchemas() {
    }

    static void addTo(Components components) {
        ObjectSchema request = object("Body of POST /anthropic/v1/messages and .../count_tokens. Fields the gateway "
                + "has no use for are accepted and ignored.");
        request.addProperty("model", string("Model name; mapped to an upstream model by anthropic.routes"));
        request.addProperty("max_tokens", integer("Largest number of tokens to generate; clamped to "
                + "anthropic.maxOutputTokens of the upstream model"));
        request.addProperty("messages", array(ref("InputMessage"), "The conversation, oldest first"));
        request.addProperty("system", stringOr(array(ref("TextBlock"), null), "System prompt"));
        request.addProperty("stop_sequences", array(string(null), "Sent upstream as stop"));
        request.addProperty("stream", bool("true answers with server-sent events"));
        request.addProperty("temperature", number(null));
        request.addProperty("top_p", number(null));
        request.addProperty("top_k", integer("Accepted and dropped: Chat Completions has no top_k"));
        ObjectSchema metadata = object(null);
        metadata.addProperty("user_id", string("Sent upstream as user, reduced to [A-Za-z0-9_-], 64 characters"));
        request.addProperty("metadata", metadata);
        request.addProperty("tools", array(ref("Tool"), null));
        request.addProperty("tool_choice", ref("ToolChoice"));
        request.addProperty("thinking", ref("ThinkingConfig"));
        add(components, OpenApiNames.MESSAGES_REQUEST, required(request, "model", "max_tokens", "messages"));

        ObjectSchema message = object("One turn of the conversation");
        message.addProperty("role", oneOfStrings(null, "user", "assistant", "system"));
        message.addProperty("content", stringOr(array(ref(CONTENT_BLOCK), null),
                "A string (one text block) or an array of content blocks"));
        add(components, "InputMessage", required(message, "role", "content"));

        ObjectSchema tool = object("A tool definition. Custom tools carry input_schema; server tools (a versioned "
                + "type such as web_search_20250305) are not forwarded");
        tool.addProperty("type", string("Absent or custom for a tool the client runs"));
        tool.addProperty("name", string(null));
        tool.addProperty("description", string(null));
        tool.addProperty("input_schema", anyJson("JSON Schema of the tool's input"));
        add(components, "Tool", required(tool, "name"));

        ObjectSchema choice = object(null);
        choice.addProperty("type", oneOfStrings(null, "auto", "any", "tool", "none"));
        choice.addProperty("name", string("The tool to call, with type tool"));
        choice.addProperty("disable_parallel_tool_use", bool(null));
        add(components, "ToolChoice", required(choice, "type"));

        ObjectSchema thinking = object("Extended thinking: mapped to the upstream's reasoning switch and effort");
        thinking.addProperty("type", oneOfStrings(null, "enabled", "disabled", "adaptive"));
        thinking.addProperty("budget_tokens", integer("With enabled"));
        add(components, "ThinkingConfig", required(thinking, "type"));

        addContentBlocks(components);
    }

    private static void addContentBlocks(Components components) {
        Map<String, String> blocks = new LinkedHashMap<>();
        blocks.put("text", "TextBlock");
        blocks.put("image", "ImageBlock");
        blocks.put("document", "DocumentBlock");
        blocks.put("tool_use", "ToolUseBlock");
        blocks.put("tool_result", "ToolResultBlock");
        blocks.put("thinking", "ThinkingBlock");
        blocks.put("redacted_thinking", "RedactedThinkingBlock");
        add(components, CONTENT_BLOCK, union("A block of message content, told apart by type. Answers contain "
                + "text, thinking and tool_use blocks; block types the gateway does not know are refused with 400",
                blocks));

        ObjectSchema text = typed("text", null);
        text.addProperty("text", string(null));
        add(components, "TextBlock", required(text, "text"));

        ObjectSchema image = typed("image", "Refused with 400 unless anthropic.imagesSupported");
        image.addProperty("source", ref("MediaSource"));
        add(components, "ImageBlock", required(image, "source"));

        ObjectSchema document = typed("document", "Text sources become text; PDFs are refused with 400");
        document.addProperty("source", ref("MediaSource"));
        document.addProperty("title", string(null));
        document.addProperty("context", string(null));
        add(components, "DocumentBlock", required(document, "source"));

        ObjectSchema source = object("Where an image's or document's bytes are");
        source.addProperty("type", oneOfStrings(null, "base64", "url", "text", "content"));
        source.addProperty("media_type", string("With base64 and text"));
        source.addProperty("data", string("With base64 and text"));
        source.addProperty("url", string("With url"));
        source.addProperty("content", anyJson("With content: content blocks"));
        add(components, "MediaSource", required(source, "type"));

        ObjectSchema toolUse = typed("tool_use", "A call the assistant made");
        toolUse.addProperty("id", string(null));
        toolUse.addProperty("name", string(null));
        toolUse.addProperty("input", object("The call's arguments"));
        add(components, "ToolUseBlock", required(toolUse, "id", "name", "input"));

        ObjectSchema toolResult = typed("tool_result", "The client's answer to a tool call");
        toolResult.addProperty("tool_use_id", string(null));
        toolResult.addProperty("content", stringOr(array(ref(CONTENT_BLOCK), null), null));
        toolResult.addProperty("is_error", bool(null));
        add(components, "ToolResultBlock", required(toolResult, "tool_use_id"));

        ObjectSchema thinking = typed("thinking", "Visible reasoning; the signature is always empty in answers");
        thinking.addProperty("thinking", string(null));
        thinking.addProperty("signature", string(null));
        add(components, "ThinkingBlock", required(thinking, "thinking"));

        ObjectSchema redacted = typed("redacted_thinking", "Reasoning the client can't read");
        redacted.addProperty("data", string(null));
        add(components, "RedactedThinkingBlock", required(redacted, "data"));
    }
}
