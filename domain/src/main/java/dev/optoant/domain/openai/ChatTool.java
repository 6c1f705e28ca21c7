package dev.optoant.domain.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/** {@code {"type":"function","function":{name, description, parameters}}}. */
@JsonPropertyOrder({"type", "function"})
public record ChatTool(@JsonProperty("function") Function function) {

    @JsonProperty("type")
    public String type() {
        return "function";
    }

    /** The function a tool names. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "description", "parameters"})
    public record Function(@JsonProperty("name") String name, @JsonProperty("description") String description,
            @JsonProperty("parameters") JsonNode parameters) {
    }
}
