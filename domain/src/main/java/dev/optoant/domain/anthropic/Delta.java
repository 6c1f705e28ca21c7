package dev.optoant.domain.anthropic;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The payload of a {@code content_block_delta} event. */
public sealed interface Delta {
    @JsonProperty("type")
    String type();

    /** More text for a text block. */
    @JsonPropertyOrder({"type", "text"})
    record TextDelta(@JsonProperty("text") String text) implements Delta {
        @Override
        public String type() {
            return "text_delta";
        }
    }

    /** More of a tool_use block's input, as a fragment of JSON text. */
    @JsonPropertyOrder({"type", "partial_json"})
    record InputJsonDelta(@JsonProperty("partial_json") String partialJson) implements Delta {
        @Override
        public String type() {
            return "input_json_delta";
        }
    }

    /** More reasoning for a thinking block. */
    @JsonPropertyOrder({"type", "thinking"})
    record ThinkingDelta(@JsonProperty("thinking") String thinking) implements Delta {
        @Override
        public String type() {
            return "thinking_delta";
        }
    }

    /** The signature that closes a thinking block. */
    @JsonPropertyOrder({"type", "signature"})
    record SignatureDelta(@JsonProperty("signature") String signature) implements Delta {
        @Override
        public String type() {
            return "signature_delta";
        }
    }
}
