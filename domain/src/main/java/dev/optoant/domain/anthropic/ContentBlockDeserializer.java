package dev.optoant.domain.anthropic;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.TreeTraversingParser;
import java.io.IOException;
import java.util.List;

/** Reads a content block by its {@code type}; an unknown type becomes {@link ContentBlock.Unknown}. */
final class ContentBlockDeserializer extends StdDeserializer<ContentBlock> {
    private static final long serialVersionUID = 1L;
    private static final List<Class<? extends ContentBlock>> TYPES = List.of(ContentBlock.Text.class,
            ContentBlock.Image.class, ContentBlock.Document.class, ContentBlock.ToolUse.class,
            ContentBlock.ToolResult.class, ContentBlock.Thinking.class, ContentBlock.RedactedThinking.class);

    private final transient RootDeserializers deserializers = new RootDeserializers(TYPES.size());

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
        int slot = switch (type) {
            case "text" -> 0;
            case "image" -> 1;
            case "document" -> 2;
            case "tool_use" -> 3;
            case "tool_result" -> 4;
            case "thinking" -> 5;
            case "redacted_thinking" -> 6;
            default -> -1;
        };
        if (slot < 0) {
            return new ContentBlock.Unknown(type, node);
        }
        Class<? extends ContentBlock> target = TYPES.get(slot);
        JsonDeserializer<Object> deserializer = deserializers.get(context, slot, c -> c.constructType(target));
        if (deserializer == null) {
            return context.readTreeAsValue(node, target);
        }
        // What readTreeAsValue does, with the deserializer it would look up.
        JsonParser root = context.getParser();
        ObjectCodec codec = root == null ? null : root.getCodec();
        try (TreeTraversingParser tokens = new TreeTraversingParser(node, codec)) {
            tokens.nextToken();
            return (ContentBlock) deserializer.deserialize(tokens, context);
        }
    }
}
