package dev.optoant.domain.openai;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;

/** {@code tool_choice}: a mode string ({@code auto}, {@code required}, {@code none}) or one named function. */
public sealed interface ToolChoice {

    /** A mode, written as a bare string. */
    record Mode(@JsonValue String mode) implements ToolChoice {
    }

    /** {@code {"type":"function","function":{"name":...}}}. */
    @JsonPropertyOrder({"type", "function"})
    record Function(@JsonProperty("function") Name function) implements ToolChoice {
        @JsonProperty("type")
        public String type() {
            return "function";
        }
    }

    /** The {@code function} object of a named choice. */
    record Name(@JsonProperty("name") String name) {
    }
}
