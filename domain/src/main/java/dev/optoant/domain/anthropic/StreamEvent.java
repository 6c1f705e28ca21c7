package dev.optoant.domain.anthropic;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One server-sent event of a streamed Anthropic message; {@link #type()} is both the SSE event name and the JSON type. */
public sealed interface StreamEvent {
    @JsonProperty("type")
    String type();

    /** Opens the stream with the message shell: no content yet, input usage known. */
    @JsonPropertyOrder({"type", "message"})
    record MessageStart(@JsonProperty("message") MessagesResponse message) implements StreamEvent {
        @Override
        public String type() {
            return "message_start";
        }
    }

    /** Opens block {@code index}; text and thinking start empty, tool_use starts with {@code input: {}}. */
    @JsonPropertyOrder({"type", "index", "content_block"})
    record ContentBlockStart(@JsonProperty("index") int index, @JsonProperty("content_block") ContentBlock contentBlock)
            implements StreamEvent {
        @Override
        public String type() {
            return "content_block_start";
        }
    }

    /** Adds to the open block {@code index}. */
    @JsonPropertyOrder({"type", "index", "delta"})
    record ContentBlockDelta(@JsonProperty("index") int index, @JsonProperty("delta") Delta delta) implements StreamEvent {
        @Override
        public String type() {
            return "content_block_delta";
        }
    }

    /** Closes block {@code index}. */
    @JsonPropertyOrder({"type", "index"})
    record ContentBlockStop(@JsonProperty("index") int index) implements StreamEvent {
        @Override
        public String type() {
            return "content_block_stop";
        }
    }

    /** The final stop reason and cumulative usage; sent exactly once, just before {@link MessageStop}. */
    @JsonPropertyOrder({"type", "delta", "usage"})
    record MessageDelta(@JsonProperty("delta") Body delta, @JsonProperty("usage") Usage usage) implements StreamEvent {
        @Override
        public String type() {
            return "message_delta";
        }

        /** The {@code delta} object of a message_delta. */
        @JsonPropertyOrder({"stop_reason", "stop_sequence"})
        @JsonInclude(JsonInclude.Include.ALWAYS)
        public record Body(@JsonProperty("stop_reason") String stopReason,
                @JsonProperty("stop_sequence") String stopSequence) {
        }
    }

    /** The last event of a stream. */
    record MessageStop() implements StreamEvent {
        @Override
        public String type() {
            return "message_stop";
        }
    }

    /** Keeps the connection visibly alive during upstream silences. */
    record Ping() implements StreamEvent {
        @Override
        public String type() {
            return "ping";
        }
    }

    /** A failure after the stream started; the stream ends after it. */
    @JsonPropertyOrder({"type", "error"})
    record Error(@JsonProperty("error") ErrorBody error) implements StreamEvent {
        @Override
        public String type() {
            return "error";
        }
    }

    /** {@code {"type": "...", "message": "..."}} inside an error. */
    @JsonPropertyOrder({"type", "message"})
    record ErrorBody(@JsonProperty("type") String type, @JsonProperty("message") String message) {
    }
}
