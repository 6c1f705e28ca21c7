package dev.optoant.upstream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.optoant.domain.openai.ChatCompletionChunk;
import dev.optoant.domain.port.ChunkStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads an upstream {@code text/event-stream} of Chat Completions chunks, one event at a time. */
final class SseChunkStream implements ChunkStream {
    private static final End DONE = new End(true);
    private static final End EOF = new End(false);
    private static final KeepAlive KEEP_ALIVE = new KeepAlive();

    private final HttpUpstreamReply reply;
    private final SseLineReader lines;
    private final ObjectReader chunkReader;
    private boolean ended;

    SseChunkStream(HttpUpstreamReply reply, ObjectReader chunkReader, int maxLineBytes) {
        this.reply = reply;
        this.lines = new SseLineReader(reply.body(), maxLineBytes);
        this.chunkReader = chunkReader;
    }

    @Override
    public Item next() throws IOException {
        if (ended) {
            return DONE;
        }
        StringBuilder data = null;
        boolean sawComment = false;
        while (true) {
            String line = lines.readLine();
            if (line == null) {
                if (data != null) {
                    return parse(data.toString());
                }
                ended = true;
                return EOF;
            }
            if (line.isEmpty()) {
                if (data != null) {
                    return parse(data.toString());
                }
                if (sawComment) {
                    return KEEP_ALIVE;
                }
                continue;
            }
            if (line.charAt(0) == ':') {
                sawComment = true;
                continue;
            }
            if (line.startsWith("data:")) {
                String value = line.length() > 5 && line.charAt(5) == ' ' ? line.substring(6) : line.substring(5);
                if (data == null) {
                    data = new StringBuilder(value);
                } else {
                    data.append('\n').append(value);
                }
            }
            // "event:", "id:" and "retry:" lines carry nothing the translation needs.
        }
    }

    private Item parse(String data) {
        if (data.equals("[DONE]")) {
            ended = true;
            return DONE;
        }
        try {
            ChatCompletionChunk chunk = chunkReader.readValue(data);
            // An object with no id, choices or usage is no chunk: upstreams send {"error":{...}} this way.
            if (chunk == null || chunk.id() == null && chunk.choices() == null && chunk.usage() == null) {
                return new Malformed(data);
            }
            return new Chunk(chunk);
        } catch (JsonProcessingException e) {
            return new Malformed(data);
        } catch (IOException e) {
            return new Malformed(data);
        }
    }

    @Override
    public boolean hasBuffered() {
        // Bytes the HTTP client has already received count too: upstreams write whole events, so the rest of a
        // line that has started arriving follows at once.
        try {
            return lines.buffered() || reply.body().available() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void abort() {
        reply.abort();
    }

    @Override
    public void close() {
        reply.close();
    }

    /** Splits a byte stream into UTF-8 lines ending in LF, CRLF or CR, refusing lines longer than a limit. */
    static final class SseLineReader {
        private final InputStream in;
        private final int maxLineBytes;
        private final byte[] buffer = new byte[8192];
        private int position;
        private int limit;
        private byte[] line = new byte[256];
        private boolean skipLineFeed;

        SseLineReader(InputStream in, int maxLineBytes) {
            this.in = in;
            this.maxLineBytes = maxLineBytes;
        }

        /** Whether a whole line is already buffered, so the next {@link #readLine} returns without reading. */
        boolean buffered() {
            if (skipLineFeed && position < limit && buffer[position] == '\n') {
                position++;
                skipLineFeed = false;
            }
            for (int i = position; i < limit; i++) {
                if (buffer[i] == '\n' || buffer[i] == '\r') {
                    return true;
                }
            }
            return false;
        }

        /** The next line without its terminator, or null at the end of the stream. */
        String readLine() throws IOException {
            int length = 0;
            while (true) {
                if (position == limit) {
                    limit = in.read(buffer);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        return length > 0 ? new String(line, 0, length, StandardCharsets.UTF_8) : null;
                    }
                }
                if (skipLineFeed) {
                    skipLineFeed = false;
                    if (buffer[position] == '\n') {
                        position++;
                        continue;
                    }
                }
                int end = position;
                while (end < limit && buffer[end] != '\n' && buffer[end] != '\r') {
                    end++;
                }
                int count = end - position;
                if (length + count > line.length) {
                    if (length + count > maxLineBytes) {
                        throw new IOException("upstream sent an SSE line longer than " + maxLineBytes + " bytes");
                    }
                    line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(line.length * 2, length + count)));
                }
                System.arraycopy(buffer, position, line, length, count);
                length += count;
                position = end;
                if (end < limit) {
                    skipLineFeed = buffer[end] == '\r';
                    position++;
                    return new String(line, 0, length, StandardCharsets.UTF_8);
                }
            }
        }
    }
}
