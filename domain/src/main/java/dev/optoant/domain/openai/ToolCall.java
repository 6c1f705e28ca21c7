package dev.optoant.domain.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A function call by the assistant. In requests and complete responses all fields are set; in stream chunks
 * {@code index} keys the call and the other fields arrive in pieces.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"index", "id", "type", "function"})
public record ToolCall(
        @JsonProperty("index") Integer index,
        @JsonProperty("id") String id,
        @JsonProperty("type") String type,
        @JsonProperty("function") FunctionCall function) {

    public static ToolCall of(String id, String name, String arguments) {
        return new ToolCall(null, id, "function", new FunctionCall(name, arguments));
    }

    /** The function's name and its arguments as JSON text. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"name", "arguments"})
    public record FunctionCall(@JsonProperty("name") String name, @JsonProperty("arguments") String arguments) {
    }
}
