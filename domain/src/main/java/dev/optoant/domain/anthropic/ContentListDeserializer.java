package dev.optoant.domain.anthropic;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.List;

/** Content given either as a plain string (one text block) or as an array of blocks. */
public final class ContentListDeserializer extends StdDeserializer<List<ContentBlock>> {
    private static final long serialVersionUID = 1L;

    private final transient RootDeserializers deserializers = new RootDeserializers(1);

    public ContentListDeserializer() {
        super(List.class);
    }

    @Override
    public List<ContentBlock> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            return List.of(new ContentBlock.Text(parser.getText()));
        }
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            return context.reportInputMismatch(List.class, "content must be a string or an array of content blocks");
        }
        JsonDeserializer<Object> list = deserializers.get(context, 0, ContentListDeserializer::listType);
        if (list == null) {
            return context.readValue(parser, listType(context));
        }
        @SuppressWarnings("unchecked")
        List<ContentBlock> blocks = (List<ContentBlock>) list.deserialize(parser, context);
        return blocks;
    }

    private static JavaType listType(DeserializationContext context) {
        return context.getTypeFactory().constructCollectionType(List.class, ContentBlock.class);
    }
}
