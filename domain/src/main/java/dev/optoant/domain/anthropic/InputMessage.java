package dev.optoant.domain.anthropic;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;

/** One entry of {@code messages}: a role ({@code user}, {@code assistant}, or {@code system} from newer agents) and content. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InputMessage(
        @JsonProperty("role") String role,
        @JsonProperty("content") @JsonDeserialize(using = ContentListDeserializer.class) List<ContentBlock> content) {
}
