package dev.optoant.upstream;

import com.fasterxml.jackson.databind.ObjectReader;
import dev.optoant.domain.openai.ChatCompletionChunk;
import java.io.IOException;

/** Opens the upstream adapter's package-private chunk readers to the JMH benchmarks (same package, bench jar). */
public final class UpstreamChunkReaders {
    private UpstreamChunkReaders() {
    }

    /** The databind reader the adapter used for every chunk before {@link ChunkDecoder}. */
    public static ObjectReader databind() {
        return HttpChatUpstream.CHUNK;
    }

    /** A new decoder, as each upstream stream gets one. */
    public static Decoder decoder() {
        ChunkDecoder decoder = new ChunkDecoder(HttpChatUpstream.CHUNK);
        return decoder::decode;
    }

    /** {@link ChunkDecoder#decode}. */
    @FunctionalInterface
    public interface Decoder {
        ChatCompletionChunk decode(byte[] data, int offset, int length) throws IOException;
    }
}
