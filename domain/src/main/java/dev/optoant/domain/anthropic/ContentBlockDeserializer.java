package dev.optoant.domain.anthropic;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/** Reads a content block by its {@code type}; an unknown type becomes {@link ContentBlock.Unknown}. */
final class ContentBlockDeserializer extends StdDeserializer<ContentBlock> {
    private static final long serialVersionUID = 1L;

    ContentBlockDeserializer() {
        super(ContentBlock.class);
    }

    @Override
    public ContentBlock deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonNode node = parser.readValueAsTree();
        if (node == null || !node.isObject()) {
            return context.reportInputMismatch(ContentBlock.class, "a content block must be a JSON object");
        }
        JsonNode typeNode = node.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            return context.reportInputMismatch(ContentBlock.class, "a content block needs a string 'type'");
        }
        String type = typeNode.asText();
        Class<? extends ContentBlock> target = switch (type) {
            case "text" -> ContentBlock.Text.class;
            case "image" -> ContentBlock.Image.class;
            case "document" -> ContentBlock.Document.class;
            case "tool_use" -> ContentBlock.ToolUse.class;
            case "tool_result" -> ContentBlock.ToolResult.class;
            case "thinking" -> ContentBlock.Thinking.class;
            case "redacted_thinking" -> ContentBlock.RedactedThinking.class;
            default -> null;
        };
        if (target == null) {
            return new ContentBlock.Unknown(type, node);
        }
        return context.readTreeAsValue(node, target);
    }
}
