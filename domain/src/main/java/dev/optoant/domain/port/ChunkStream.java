package dev.optoant.domain.port;

import dev.optoant.domain.openai.ChatCompletionChunk;
import java.io.IOException;

/** A streamed Chat Completions answer, read one SSE item at a time; closing it releases or drops the connection. */
public interface ChunkStream extends AutoCloseable {

    /** The next item; blocks until the upstream sends one. Fails when the upstream breaks or stays silent too long. */
    Item next() throws IOException;

    /** Whether the next item is already received, so reading it will not wait for the upstream. */
    boolean hasBuffered();

    /** Drops the upstream connection at once. */
    void abort();

    @Override
    void close();

    /** What the upstream sent next. */
    sealed interface Item {
    }

    /** A {@code data:} line holding a chunk. */
    record Chunk(ChatCompletionChunk chunk) implements Item {
    }

    /** A comment line such as {@code : keep-alive}: the upstream is alive but has nothing yet. */
    record KeepAlive() implements Item {
    }

    /** {@code data: [DONE]}, or the end of the body without it. */
    record End(boolean doneMarkerSeen) implements Item {
    }

    /** A {@code data:} line that is not a chunk: an error object the upstream sent mid-stream, or garbage. */
    record Malformed(String data) implements Item {
    }
}
