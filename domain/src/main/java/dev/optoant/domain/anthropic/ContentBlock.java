package dev.optoant.domain.anthropic;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;

/** One block of Anthropic message content; unknown block types are kept as raw JSON rather than rejected. */
// Each record opts out of the interface's deserializer, which would otherwise be inherited and recurse.
@JsonDeserialize(using = ContentBlockDeserializer.class)
public sealed interface ContentBlock {

    /** The block's {@code type} on the wire. */
    @JsonProperty("type")
    String type();

    /** {@code {"type":"text","text":...}}. */
    @JsonPropertyOrder({"type", "text"})
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonDeserialize(using = JsonDeserializer.None.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Text(@JsonProperty("text") String text) implements ContentBlock {
        @Override
        public String type() {
            return "text";
        }
    }

    /** {@code {"type":"image","source":{...}}}. */
    @JsonPropertyOrder({"type", "source"})
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record Image(@JsonProperty("source") MediaSource source) implements ContentBlock {
        @Override
        public String type() {
            return "image";
        }
    }

    /** {@code {"type":"document","source":{...},"title":...}}. */
    @JsonPropertyOrder({"type", "source", "title", "context"})
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonDeserialize(using = JsonDeserializer.None.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Document(@JsonProperty("source") MediaSource source, @JsonProperty("title") String title,
            @JsonProperty("context") String context) implements ContentBlock {
        @Override
        public String type() {
            return "document";
        }
    }

    /** {@code {"type":"tool_use","id","name","input"}}: a call the assistant made. */
    @JsonPropertyOrder({"type", "id", "name", "input"})
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record ToolUse(@JsonProperty("id") String id, @JsonProperty("name") String name,
            @JsonProperty("input") JsonNode input) implements ContentBlock {
        @Override
        public String type() {
            return "tool_use";
        }
    }

    /** {@code {"type":"tool_result","tool_use_id","content","is_error"}}: the client's answer to a call. */
    @JsonPropertyOrder({"type", "tool_use_id", "content", "is_error"})
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonDeserialize(using = JsonDeserializer.None.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ToolResult(@JsonProperty("tool_use_id") String toolUseId,
            @JsonProperty("content") @JsonDeserialize(using = ContentListDeserializer.class) List<ContentBlock> content,
            @JsonProperty("is_error") Boolean isError) implements ContentBlock {
        @Override
        public String type() {
            return "tool_result";
        }

        public boolean failed() {
            return Boolean.TRUE.equals(isError);
        }
    }

    /** {@code {"type":"thinking","thinking","signature"}}: visible reasoning. */
    @JsonPropertyOrder({"type", "thinking", "signature"})
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record Thinking(@JsonProperty("thinking") String thinking, @JsonProperty("signature") String signature)
            implements ContentBlock {
        @Override
        public String type() {
            return "thinking";
        }
    }

    /** {@code {"type":"redacted_thinking","data"}}: reasoning the client can't read. */
    @JsonPropertyOrder({"type", "data"})
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record RedactedThinking(@JsonProperty("data") String data) implements ContentBlock {
        @Override
        public String type() {
            return "redacted_thinking";
        }
    }

    /** A block type this gateway doesn't know, kept as it came. */
    record Unknown(String type, JsonNode raw) implements ContentBlock {
        @JsonValue
        @JsonRawValue
        String json() {
            return raw.toString();
        }
    }
}
