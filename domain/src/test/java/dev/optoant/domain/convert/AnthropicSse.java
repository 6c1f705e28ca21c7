package dev.optoant.domain.convert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optoant.domain.anthropic.StreamEvent;
import java.io.UncheckedIOException;
import java.util.List;

/** Renders events as Anthropic SSE text, {@code event: <type>\ndata: <json>\n\n}, with a plain ObjectMapper. */
final class AnthropicSse {
    static final ObjectMapper JSON = new ObjectMapper();

    private AnthropicSse() {
    }

    static String render(List<StreamEvent> events) {
        StringBuilder out = new StringBuilder();
        for (StreamEvent event : events) {
            try {
                out.append("event: ").append(event.type()).append('\n')
                        .append("data: ").append(JSON.writeValueAsString(event)).append("\n\n");
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out.toString();
    }
}
