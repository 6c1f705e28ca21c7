package dev.optoant.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.optoant.domain.port.ChunkStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;

/**
 * Coverage-guided fuzz target for {@link SseChunkStream}: any upstream body, arriving in any read sizes and read
 * with any line limit, gives items (never null, a chunk never null) and then its end, or the reader's own
 * {@link IOException} for a line or event over the limit; nothing else is thrown, and it never loops.
 */
class SseChunkStreamJazzerTest {

    @FuzzTest(maxDuration = "20s")
    // libFuzzer dictionary syntax: \xNN for control bytes, \\ for a backslash.
    @DictionaryEntries({"data:", "data: ", "[DONE]", ": keep-alive", "event: x", "\\x0D\\x0A", "\\x0A\\x0A",
        "{\"id\":\"c\"}", "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"", "\"tool_calls\":[", "\"usage\":{",
        "{\"error\":{", "null", "\\\\ud800"})
    void anyBodyGivesItemsThenItsEnd(FuzzedDataProvider data) throws IOException {
        int maxLineBytes = data.consumeInt(1, 256);
        int[] readSizes = new int[data.consumeInt(1, 4)];
        for (int i = 0; i < readSizes.length; i++) {
            readSizes[i] = data.consumeInt(1, 64);
        }
        byte[] body = data.consumeRemainingAsBytes();
        SseChunkStream stream = new SseChunkStream(reply(new PieceInputStream(body, readSizes)),
                new ChunkDecoder(HttpChatUpstream.CHUNK), maxLineBytes);
        try {
            int items = 0;
            while (true) {
                stream.hasBuffered();
                ChunkStream.Item item = stream.next();
                assertThat(item).isNotNull();
                if (item instanceof ChunkStream.End) {
                    break;
                }
                if (item instanceof ChunkStream.Chunk chunk) {
                    assertThat(chunk.chunk()).isNotNull();
                }
                assertThat(++items).as("each item takes at least one byte").isLessThanOrEqualTo(body.length);
            }
            assertThat(stream.next()).isInstanceOf(ChunkStream.End.class);
        } catch (IOException overLimit) {
            assertThat(overLimit.getMessage()).endsWith("longer than " + maxLineBytes + " bytes");
        } finally {
            stream.close();
        }
    }

    private static HttpUpstreamReply reply(InputStream body) throws IOException {
        BasicClassicHttpResponse response = new BasicClassicHttpResponse(200);
        response.setEntity(new InputStreamEntity(body, ContentType.TEXT_EVENT_STREAM));
        return new HttpUpstreamReply(new HttpPost("http://127.0.0.1/v1/chat/completions"), response);
    }

    /** Hands out a body in reads of the given sizes in turn, as a network would. */
    private static final class PieceInputStream extends InputStream {
        private final ByteArrayInputStream in;
        private final int[] sizes;
        private int next;

        PieceInputStream(byte[] body, int[] sizes) {
            this.in = new ByteArrayInputStream(body);
            this.sizes = sizes;
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int size = sizes[next++ % sizes.length];
            return in.read(b, off, Math.min(len, size));
        }

        @Override
        public int available() {
            return Math.min(in.available(), sizes[next % sizes.length]);
        }
    }
}
