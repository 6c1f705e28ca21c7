package dev.optoant.domain.convert;

import dev.optoant.domain.anthropic.ContentBlock;
import dev.optoant.domain.anthropic.Delta;
import dev.optoant.domain.anthropic.StreamEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks an Anthropic event sequence against the streaming rules: message_start first, pings anywhere after it,
 * blocks with consecutive indexes from 0, each started empty, given non-empty deltas of its own type and stopped
 * before the next starts, then exactly one message_delta and message_stop with nothing after; or an error as the
 * last event.
 */
final class EventSequenceChecker {
    private final List<String> violations = new ArrayList<>();
    private boolean started;
    private boolean over;
    private int openIndex = -1;
    private String openType;
    private int nextIndex;
    private int messageDeltas;

    private EventSequenceChecker() {
    }

    static void assertWellFormed(List<StreamEvent> events) {
        List<String> found = violations(events);
        if (!found.isEmpty()) {
            throw new AssertionError("ill-formed event sequence: " + found + "\n" + AnthropicSse.render(events));
        }
    }

    static List<String> violations(List<StreamEvent> events) {
        EventSequenceChecker checker = new EventSequenceChecker();
        for (int i = 0; i < events.size(); i++) {
            checker.check(i, events.get(i));
        }
        if (!checker.over) {
            checker.violations.add("the stream ends without message_stop or error");
        }
        return checker.violations;
    }

    private void check(int at, StreamEvent event) {
        String where = "#" + at + " " + event.type() + ": ";
        if (over) {
            violations.add(where + "nothing may follow message_stop or error");
        }
        if (!started && !(event instanceof StreamEvent.MessageStart) && !(event instanceof StreamEvent.Error)) {
            violations.add(where + "message_start must come first");
        }
        switch (event) {
            case StreamEvent.MessageStart start -> {
                if (started || at != 0) {
                    violations.add(where + "message_start must be the first event and only once");
                }
                started = true;
                var message = start.message();
                if (message.id() == null || !message.id().startsWith("msg_") || !message.content().isEmpty()
                        || message.stopReason() != null || message.usage() == null) {
                    violations.add(where + "the message must have a msg_ id, no content, no stop reason, a usage");
                }
            }
            case StreamEvent.Ping ping -> {
            }
            case StreamEvent.ContentBlockStart start -> {
                if (openIndex >= 0) {
                    violations.add(where + "block " + openIndex + " is still open");
                }
                if (start.index() != nextIndex || messageDeltas > 0) {
                    violations.add(where + "expected index " + nextIndex + " before message_delta");
                }
                openType = startType(where, start.contentBlock());
                openIndex = start.index();
                nextIndex = start.index() + 1;
            }
            case StreamEvent.ContentBlockDelta delta -> {
                if (delta.index() != openIndex) {
                    violations.add(where + "delta to index " + delta.index() + " which is not the open block");
                } else {
                    checkDelta(where, delta.delta());
                }
            }
            case StreamEvent.ContentBlockStop stop -> {
                if (stop.index() != openIndex) {
                    violations.add(where + "stop of index " + stop.index() + " which is not the open block");
                }
                openIndex = -1;
            }
            case StreamEvent.MessageDelta delta -> {
                if (openIndex >= 0 || ++messageDeltas > 1 || delta.delta().stopReason() == null
                        || delta.usage() == null) {
                    violations.add(where + "one message_delta with stop reason and usage, after all blocks closed");
                }
            }
            case StreamEvent.MessageStop stop -> {
                if (messageDeltas != 1) {
                    violations.add(where + "message_stop needs exactly one message_delta before it");
                }
                over = true;
            }
            case StreamEvent.Error error -> over = true;
        }
    }

    private String startType(String where, ContentBlock block) {
        boolean empty = switch (block) {
            case ContentBlock.Text text -> text.text().isEmpty();
            case ContentBlock.Thinking thinking -> thinking.thinking().isEmpty() && thinking.signature() != null;
            case ContentBlock.ToolUse use -> use.id() != null && !use.id().isEmpty() && use.name() != null
                    && use.input().isObject() && use.input().isEmpty();
            default -> false;
        };
        if (!empty) {
            violations.add(where + "a " + block.type() + " block must start empty (tool_use: id, name, input {})");
        }
        return block.type();
    }

    private void checkDelta(String where, Delta delta) {
        String payload = switch (delta) {
            case Delta.TextDelta text -> "text".equals(openType) ? text.text() : null;
            case Delta.ThinkingDelta thinking -> "thinking".equals(openType) ? thinking.thinking() : null;
            case Delta.SignatureDelta signature -> "thinking".equals(openType) ? signature.signature() : null;
            case Delta.InputJsonDelta json -> "tool_use".equals(openType) ? json.partialJson() : null;
        };
        if (payload == null) {
            violations.add(where + delta.type() + " does not fit a " + openType + " block");
        } else if (payload.isEmpty()) {
            violations.add(where + "empty " + delta.type());
        }
    }
}
