package dev.optoant.domain.anthropic;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;

/** {@code POST /v1/messages} body. Fields the gateway has no use for are ignored, never an error. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MessagesRequest(
        @JsonProperty("model") String model,
        @JsonProperty("max_tokens") Integer maxTokens,
        @JsonProperty("messages") List<InputMessage> messages,
        @JsonProperty("system") @JsonDeserialize(using = ContentListDeserializer.class) List<ContentBlock> system,
        @JsonProperty("stop_sequences") List<String> stopSequences,
        @JsonProperty("stream") Boolean stream,
        @JsonProperty("temperature") Double temperature,
        @JsonProperty("top_p") Double topP,
        @JsonProperty("top_k") Integer topK,
        @JsonProperty("metadata") Metadata metadata,
        @JsonProperty("tools") List<Tool> tools,
        @JsonProperty("tool_choice") ToolChoice toolChoice,
        @JsonProperty("thinking") ThinkingConfig thinking) {

    public boolean streaming() {
        return Boolean.TRUE.equals(stream);
    }

    /** {@code metadata}: only {@code user_id} matters upstream. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Metadata(@JsonProperty("user_id") String userId) {
    }

    /**
     * A tool definition. Custom tools carry {@code input_schema}; server tools ({@code web_search_20250305}, ...) carry
     * a versioned {@code type} and are not forwarded.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Tool(
            @JsonProperty("type") String type,
            @JsonProperty("name") String name,
            @JsonProperty("description") String description,
            @JsonProperty("input_schema") com.fasterxml.jackson.databind.JsonNode inputSchema) {

        /** A tool the client itself runs: no type, or {@code custom}. */
        public boolean custom() {
            return type == null || type.equals("custom");
        }
    }

    /** {@code tool_choice}: {@code auto}, {@code any}, {@code tool} (with {@code name}) or {@code none}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ToolChoice(
            @JsonProperty("type") String type,
            @JsonProperty("name") String name,
            @JsonProperty("disable_parallel_tool_use") Boolean disableParallelToolUse) {
    }

    /** {@code thinking}: {@code enabled} (with {@code budget_tokens}), {@code disabled} or {@code adaptive}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ThinkingConfig(@JsonProperty("type") String type, @JsonProperty("budget_tokens") Integer budgetTokens) {
    }
}
