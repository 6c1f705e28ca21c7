package dev.optoant.domain.convert;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.optoant.domain.anthropic.ContentBlock;
import dev.optoant.domain.anthropic.Delta;
import dev.optoant.domain.anthropic.StreamEvent;
import dev.optoant.domain.port.EventSink;
import java.io.IOException;

/** Writes a stream's content blocks one at a time: start, deltas, stop, numbered from 0, never two open at once. */
final class BlockWriter {
    /** What the open block holds. */
    enum Kind { NONE, THINKING, TEXT, TOOL_USE }

    private static final ContentBlock.Text EMPTY_TEXT = new ContentBlock.Text("");
    private static final ContentBlock.Thinking EMPTY_THINKING = new ContentBlock.Thinking("", "");

    private final EventSink sink;
    private Kind open = Kind.NONE;
    private int index = -1;
    private StreamedToolCall live;
    private boolean toolUseWritten;

    BlockWriter(EventSink sink) {
        this.sink = sink;
    }

    /** Adds reasoning or text to the open block of that kind, else closes the open block and starts one. */
    void text(Kind kind, String text) throws IOException {
        if (open != kind) {
            close();
            open = kind;
            index++;
            sink.send(new StreamEvent.ContentBlockStart(index, kind == Kind.TEXT ? EMPTY_TEXT : EMPTY_THINKING));
        }
        Delta delta = kind == Kind.TEXT ? new Delta.TextDelta(text) : new Delta.ThinkingDelta(text);
        sink.send(new StreamEvent.ContentBlockDelta(index, delta));
    }

    /** Closes the open block and starts the call's tool_use block with the arguments it has so far. */
    void startToolUse(StreamedToolCall call, String messageId) throws IOException {
        close();
        open = Kind.TOOL_USE;
        index++;
        live = call;
        call.state = StreamedToolCall.State.LIVE;
        toolUseWritten = true;
        sink.send(new StreamEvent.ContentBlockStart(index, new ContentBlock.ToolUse(call.id(messageId), call.name(),
                JsonNodeFactory.instance.objectNode())));
        if (call.hasArguments()) {
            sink.send(new StreamEvent.ContentBlockDelta(index, new Delta.InputJsonDelta(call.arguments())));
        }
    }

    /** More arguments for the call whose block is open. */
    void arguments(String fragment) throws IOException {
        live.append(fragment);
        sink.send(new StreamEvent.ContentBlockDelta(index, new Delta.InputJsonDelta(fragment)));
    }

    /** Whether a tool_use block is open whose arguments may still grow, so no other block may start yet. */
    boolean liveCallUnfinished() {
        return open == Kind.TOOL_USE && !live.argumentsComplete();
    }

    boolean toolUseWritten() {
        return toolUseWritten;
    }

    /** Stops the open block, if any; cut-short tool arguments first get their closing characters. */
    void close() throws IOException {
        if (open == Kind.NONE) {
            return;
        }
        if (open == Kind.TOOL_USE) {
            StreamedToolCall call = live;
            live = null;
            call.state = StreamedToolCall.State.CLOSED;
            if (call.hasArguments() && !call.argumentsComplete()) {
                sendRepairSuffix(call.arguments());
            }
        }
        open = Kind.NONE;
        sink.send(new StreamEvent.ContentBlockStop(index));
    }

    private void sendRepairSuffix(String arguments) throws IOException {
        String repaired = ToolArguments.repair(arguments);
        if (repaired != null && repaired.length() > arguments.length() && repaired.startsWith(arguments)) {
            String suffix = repaired.substring(arguments.length());
            sink.send(new StreamEvent.ContentBlockDelta(index, new Delta.InputJsonDelta(suffix)));
        }
    }
}
