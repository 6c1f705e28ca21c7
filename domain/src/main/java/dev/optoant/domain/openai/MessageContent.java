package dev.optoant.domain.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/** A message's {@code content}: a plain string, or an array of text, image and file parts. */
public sealed interface MessageContent {

    /** Content as one string. */
    record Text(@JsonValue String text) implements MessageContent {
    }

    /** Content as typed parts. */
    record Parts(@JsonValue List<Part> parts) implements MessageContent {
    }

    /** One content part. */
    sealed interface Part {
        @JsonProperty("type")
        String type();
    }

    /** {@code {"type":"text","text":...}}. */
    @JsonPropertyOrder({"type", "text"})
    record TextPart(@JsonProperty("text") String text) implements Part {
        @Override
        public String type() {
            return "text";
        }
    }

    /** {@code {"type":"image_url","image_url":{"url":...}}}; the URL may be a {@code data:} URL. */
    @JsonPropertyOrder({"type", "image_url"})
    record ImagePart(@JsonProperty("image_url") ImageUrl imageUrl) implements Part {
        @Override
        public String type() {
            return "image_url";
        }
    }

    /** The {@code image_url} object. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ImageUrl(@JsonProperty("url") String url) {
    }

    /** {@code {"type":"file","file":{"filename":...,"file_data":...}}}: a document given inline as a data URL. */
    @JsonPropertyOrder({"type", "file"})
    record FilePart(@JsonProperty("file") FileData file) implements Part {
        @Override
        public String type() {
            return "file";
        }
    }

    /** The {@code file} object of a file part. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"filename", "file_data"})
    record FileData(@JsonProperty("filename") String filename, @JsonProperty("file_data") String fileData) {
    }
}
