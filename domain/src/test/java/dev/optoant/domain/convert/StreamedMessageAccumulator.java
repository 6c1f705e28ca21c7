package dev.optoant.domain.convert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.optoant.domain.anthropic.ContentBlock;
import dev.optoant.domain.anthropic.Delta;
import dev.optoant.domain.anthropic.MessagesResponse;
import dev.optoant.domain.anthropic.StreamEvent;
import dev.optoant.domain.anthropic.Usage;
import java.util.ArrayList;
import java.util.List;

/** Rebuilds the final message from a stream's events, as a client SDK does: blocks by index, then message_delta. */
final class StreamedMessageAccumulator {

    private StreamedMessageAccumulator() {
    }

    static MessagesResponse accumulate(List<StreamEvent> events) {
        MessagesResponse shell = null;
        List<ContentBlock> starts = new ArrayList<>();
        List<StringBuilder> bodies = new ArrayList<>();
        List<StringBuilder> signatures = new ArrayList<>();
        String stopReason = null;
        String stopSequence = null;
        Usage usage = null;
        for (StreamEvent event : events) {
            switch (event) {
                case StreamEvent.MessageStart start -> {
                    shell = start.message();
                    usage = shell.usage();
                }
                case StreamEvent.ContentBlockStart start -> {
                    starts.add(start.contentBlock());
                    bodies.add(new StringBuilder());
                    signatures.add(new StringBuilder());
                }
                case StreamEvent.ContentBlockDelta delta -> {
                    StringBuilder body = bodies.get(delta.index());
                    switch (delta.delta()) {
                        case Delta.TextDelta text -> body.append(text.text());
                        case Delta.ThinkingDelta thinking -> body.append(thinking.thinking());
                        case Delta.InputJsonDelta json -> body.append(json.partialJson());
                        case Delta.SignatureDelta signature -> signatures.get(delta.index())
                                .append(signature.signature());
                    }
                }
                case StreamEvent.MessageDelta delta -> {
                    stopReason = delta.delta().stopReason();
                    stopSequence = delta.delta().stopSequence();
                    usage = delta.usage();
                }
                case StreamEvent.ContentBlockStop stop -> {
                }
                case StreamEvent.MessageStop stop -> {
                }
                case StreamEvent.Ping ping -> {
                }
                case StreamEvent.Error error -> {
                }
            }
        }
        if (shell == null) {
            throw new AssertionError("no message_start");
        }
        List<ContentBlock> content = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            String body = bodies.get(i).toString();
            content.add(switch (starts.get(i)) {
                case ContentBlock.Text text -> new ContentBlock.Text(text.text() + body);
                case ContentBlock.Thinking thinking ->
                        new ContentBlock.Thinking(thinking.thinking() + body, thinking.signature() + signatures.get(i));
                case ContentBlock.ToolUse use -> new ContentBlock.ToolUse(use.id(), use.name(), input(body));
                default -> throw new AssertionError("unexpected block " + starts.get(i));
            });
        }
        return new MessagesResponse(shell.id(), shell.model(), List.copyOf(content), stopReason, stopSequence, usage);
    }

    /** The tool input as a client reads it: the concatenated fragments as JSON, none meaning {@code {}}. */
    private static JsonNode input(String json) {
        if (json.isEmpty()) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            JsonNode node = AnthropicSse.JSON.readerFor(JsonNode.class)
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readValue(json);
            if (!node.isObject()) {
                throw new AssertionError("tool input is not an object: " + json);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new AssertionError("tool input is not JSON: " + json, e);
        }
    }
}
