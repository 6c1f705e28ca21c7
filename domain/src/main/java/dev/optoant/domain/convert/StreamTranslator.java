package dev.optoant.domain.convert;

import dev.optoant.domain.anthropic.MessagesResponse;
import dev.optoant.domain.anthropic.StreamEvent;
import dev.optoant.domain.anthropic.Usage;
import dev.optoant.domain.openai.ChatCompletionChunk;
import dev.optoant.domain.openai.ChatUsage;
import dev.optoant.domain.openai.ToolCall;
import dev.optoant.domain.port.EventSink;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Translates one streamed Chat Completions answer into Anthropic stream events; one instance per stream, one thread.
 *
 * <p>Anthropic blocks are strictly sequential, while OpenAI mixes reasoning, text and tool calls keyed by
 * {@code tool_calls[].index}, whose id and name may come after their first fragment. The policy:
 * <ul>
 *   <li>Reasoning and text go to the open block of their kind, else close it and start a new block, so reasoning
 *       after text gets a thinking block of its own.
 *   <li>A tool call's block starts once its name is known and its turn has come; its argument fragments are then
 *       sent as they arrive, so one call, or calls one after another as OpenAI and DeepSeek send them, stream
 *       incrementally.
 *   <li>An open tool_use block is closed before the end only once its arguments form a closed JSON object or array,
 *       as nothing more can belong to it then. Until that, everything else (other calls, text, reasoning) is held in
 *       arrival order and sent when the call completes or on {@link #finish()}: a held call as start, its buffered
 *       arguments as one input_json_delta, stop. A fragment for a call whose block is closed can only be whitespace
 *       or garbage after a complete value, and is dropped.
 *   <li>Arguments cut short (the answer hit max_tokens) get, as a last fragment, the closing characters that
 *       {@link ToolArguments#repair} adds, when the repair only adds.
 *   <li>At the end a call without a name is sent with name "" (an index with nothing at all is dropped); a call
 *       without an id gets one from {@link ToolUseIds}.
 * </ul>
 * {@code message_delta} waits for {@link #finish()}, since usage may come after the finish reason.
 */
public final class StreamTranslator {
    private static final StreamEvent.Ping PING = new StreamEvent.Ping();
    private static final StreamEvent.MessageStop MESSAGE_STOP = new StreamEvent.MessageStop();

    private enum Phase { NEW, STREAMING, ENDED }

    /** Reasoning or text held behind an unfinished or unnamed tool call. */
    private record HeldText(BlockWriter.Kind kind, StringBuilder text) {
    }

    private final String messageId;
    private final String requestedModel;
    private final long inputTokensEstimate;
    private final EventSink sink;
    private final BlockWriter blocks;
    private final StreamedToolCalls toolCalls = new StreamedToolCalls();
    /** Calls not yet started and {@link HeldText}s, in arrival order. */
    private final ArrayDeque<Object> held = new ArrayDeque<>();
    private Phase phase = Phase.NEW;
    private String finishReason;
    private ChatUsage lastUsage;
    private long outputChars;
    private String stopReason;
    private StreamEvent.ErrorBody failure;

    public StreamTranslator(String messageId, String requestedModel, long inputTokensEstimate, EventSink sink) {
        this.messageId = messageId;
        this.requestedModel = requestedModel;
        this.inputTokensEstimate = inputTokensEstimate;
        this.sink = sink;
        this.blocks = new BlockWriter(sink);
    }

    /** Sends {@code message_start}; done implicitly by the first chunk, keep-alive or finish if not called. */
    public void start() throws IOException {
        if (phase != Phase.NEW) {
            return;
        }
        phase = Phase.STREAMING;
        Usage usage = new Usage(inputTokensEstimate, 0, 0, 0);
        sink.send(new StreamEvent.MessageStart(
                new MessagesResponse(messageId, requestedModel, List.of(), null, null, usage)));
    }

    /** Translates one chunk; its finish reason and usage are kept for {@link #finish()}. */
    public void onChunk(ChatCompletionChunk chunk) throws IOException {
        if (phase == Phase.ENDED || chunk == null) {
            return;
        }
        start();
        if (chunk.usage() != null) {
            lastUsage = chunk.usage();
        }
        List<ChatCompletionChunk.Choice> choices = chunk.choices();
        for (int i = 0, n = choices == null ? 0 : choices.size(); i < n; i++) {
            ChatCompletionChunk.Choice choice = choices.get(i);
            if (choice == null || (choice.index() != null && choice.index() != 0)) {
                continue;
            }
            ChatCompletionChunk.ChunkDelta delta = choice.delta();
            if (delta != null) {
                onText(BlockWriter.Kind.THINKING, delta.reasoningContent());
                onText(BlockWriter.Kind.TEXT, delta.content());
                List<ToolCall> toolCalls = delta.toolCalls();
                for (int j = 0, m = toolCalls == null ? 0 : toolCalls.size(); j < m; j++) {
                    onToolCall(toolCalls.get(j));
                }
            }
            if (choice.finishReason() != null && !choice.finishReason().isEmpty()) {
                finishReason = choice.finishReason();
            }
        }
    }

    /** An upstream keep-alive comment: a {@code ping}, so clients and proxies see the stream alive. */
    public void onKeepAlive() throws IOException {
        if (phase == Phase.ENDED) {
            return;
        }
        start();
        sink.send(PING);
    }

    /**
     * Sends what was held, closes the last block, then {@code message_delta} and {@code message_stop}; once. After
     * DeepSeek's {@code insufficient_system_resource} finish reason it sends an {@code overloaded_error} event instead.
     */
    public void finish() throws IOException {
        if (phase == Phase.ENDED) {
            return;
        }
        start();
        if (FinishReasons.isOverloaded(finishReason)) {
            fail("overloaded_error", FinishReasons.OVERLOADED_MESSAGE);
            return;
        }
        phase = Phase.ENDED;
        for (Object next = held.pollFirst(); next != null; next = held.pollFirst()) {
            if (next instanceof HeldText text) {
                blocks.text(text.kind(), text.text().toString());
            } else if (!((StreamedToolCall) next).blank()) {
                blocks.startToolUse((StreamedToolCall) next, messageId);
            }
        }
        blocks.close();
        stopReason = FinishReasons.stopReason(finishReason, blocks.toolUseWritten());
        sink.send(new StreamEvent.MessageDelta(new StreamEvent.MessageDelta.Body(stopReason, null), usage()));
        sink.send(MESSAGE_STOP);
    }

    /** Sends an {@code error} event and ends the stream: no block stop, message_delta or message_stop follows. */
    public void fail(String errorType, String message) throws IOException {
        if (phase == Phase.ENDED) {
            return;
        }
        phase = Phase.ENDED;
        failure = new StreamEvent.ErrorBody(errorType, message);
        sink.send(new StreamEvent.Error(failure));
    }

    /** The error the stream ended with, if it ended with one ({@link #fail}, or an overloaded finish). */
    public java.util.Optional<StreamEvent.ErrorBody> failure() {
        return java.util.Optional.ofNullable(failure);
    }

    public boolean ended() {
        return phase == Phase.ENDED;
    }

    /** The upstream's last reported usage; before any, the input estimate and about four characters a token. */
    public Usage usage() {
        if (lastUsage != null) {
            return UsageConversion.of(lastUsage);
        }
        return new Usage(inputTokensEstimate, 0, 0, (outputChars + 3) / 4);
    }

    /** The stop reason sent in {@code message_delta}; null before {@link #finish()} or after {@link #fail}. */
    public String stopReason() {
        return stopReason;
    }

    private void onText(BlockWriter.Kind kind, String piece) throws IOException {
        if (piece == null || piece.isEmpty()) {
            return;
        }
        outputChars += piece.length();
        if (held.isEmpty() && !blocks.liveCallUnfinished()) {
            blocks.text(kind, piece);
        } else if (held.peekLast() instanceof HeldText last && last.kind() == kind) {
            last.text().append(piece);
        } else {
            held.addLast(new HeldText(kind, new StringBuilder(piece)));
        }
    }

    private void onToolCall(ToolCall fragment) throws IOException {
        if (fragment == null) {
            return;
        }
        StreamedToolCall call = toolCalls.find(fragment);
        if (call == null) {
            call = toolCalls.register(fragment);
            held.addLast(call);
        }
        ToolCall.FunctionCall function = fragment.function();
        call.learn(fragment.id(), function == null ? null : function.name());
        String arguments = function == null ? null : function.arguments();
        boolean hasArguments = arguments != null && !arguments.isEmpty();
        if (hasArguments) {
            outputChars += arguments.length();
        }
        switch (call.state) {
            case LIVE -> {
                if (hasArguments) {
                    blocks.arguments(arguments);
                }
            }
            case PENDING -> {
                if (hasArguments) {
                    call.append(arguments);
                }
            }
            case CLOSED -> {
                return;
            }
        }
        if (!held.isEmpty()) {
            sendHeld();
        }
    }

    /** Sends held items in order while no unfinished call is open and the next call has a name. */
    private void sendHeld() throws IOException {
        while (!held.isEmpty() && !blocks.liveCallUnfinished()) {
            Object next = held.peekFirst();
            if (next instanceof HeldText text) {
                held.pollFirst();
                blocks.text(text.kind(), text.text().toString());
            } else if (((StreamedToolCall) next).ready()) {
                held.pollFirst();
                blocks.startToolUse((StreamedToolCall) next, messageId);
            } else {
                return;
            }
        }
    }
}
