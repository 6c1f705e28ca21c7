package dev.optoant.domain.convert;

import dev.optoant.domain.openai.ChatCompletionChunk;
import dev.optoant.domain.openai.ChatUsage;
import dev.optoant.domain.openai.ToolCall;
import java.util.List;

/** Builders for stream chunks in unit tests. */
final class ChunkFixtures {
    private ChunkFixtures() {
    }

    static ChatCompletionChunk chunk(ChatCompletionChunk.ChunkDelta delta, String finishReason) {
        return new ChatCompletionChunk("chatcmpl-1", "deepseek-chat",
                List.of(new ChatCompletionChunk.Choice(0, delta, finishReason)), null);
    }

    static ChatCompletionChunk role() {
        return chunk(new ChatCompletionChunk.ChunkDelta("assistant", "", null, null), null);
    }

    static ChatCompletionChunk text(String text) {
        return chunk(new ChatCompletionChunk.ChunkDelta(null, text, null, null), null);
    }

    static ChatCompletionChunk reasoning(String reasoning) {
        return chunk(new ChatCompletionChunk.ChunkDelta(null, null, reasoning, null), null);
    }

    static ChatCompletionChunk tools(ToolCall... calls) {
        return chunk(new ChatCompletionChunk.ChunkDelta(null, null, null, List.of(calls)), null);
    }

    static ToolCall call(Integer index, String id, String name, String arguments) {
        return new ToolCall(index, id, id == null ? null : "function", new ToolCall.FunctionCall(name, arguments));
    }

    static ToolCall fragment(int index, String arguments) {
        return call(index, null, null, arguments);
    }

    static ChatCompletionChunk finish(String reason) {
        return chunk(new ChatCompletionChunk.ChunkDelta(null, null, null, null), reason);
    }

    static ChatCompletionChunk usageOnly(long prompt, long completion, long cacheHit) {
        return new ChatCompletionChunk("chatcmpl-1", "deepseek-chat", List.of(), usage(prompt, completion, cacheHit));
    }

    static ChatUsage usage(long prompt, long completion, long cacheHit) {
        return new ChatUsage(prompt, completion, prompt + completion, cacheHit, null, null);
    }
}
