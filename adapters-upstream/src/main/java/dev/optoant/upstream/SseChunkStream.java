package dev.optoant.upstream;

import dev.optoant.domain.openai.ChatCompletionChunk;
import dev.optoant.domain.port.ChunkStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/** Reads an upstream {@code text/event-stream} of Chat Completions chunks, one event at a time. */
final class SseChunkStream implements ChunkStream {
    private static final End DONE = new End(true);
    private static final End EOF = new End(false);
    private static final KeepAlive KEEP_ALIVE = new KeepAlive();

    private static final byte[] DATA_FIELD = "data:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DONE_DATA = "[DONE]".getBytes(StandardCharsets.US_ASCII);
    /**
     * After {@code [DONE]} an upstream ends its body at once (at most a blank line and the chunked encoding's last
     * chunk follow); reading that end lets the connection go back to the pool instead of being dropped.
     */
    private static final Duration BODY_END_WAIT = Duration.ofMillis(50);
    private static final int BODY_END_MAX_BYTES = 4096;

    private final HttpUpstreamReply reply;
    private final SseLineReader lines;
    private final ChunkDecoder decoder;
    private final int maxEventBytes;
    // The current event's data, decoded straight from these bytes; -1 while the event has no data line.
    private byte[] data = new byte[1024];
    private int dataLength = -1;
    private boolean ended;
    private boolean doneSeen;
    private boolean aborted;
    private boolean closed;

    SseChunkStream(HttpUpstreamReply reply, ChunkDecoder decoder, int maxLineBytes) {
        this.reply = reply;
        this.lines = new SseLineReader(reply.body(), maxLineBytes);
        this.decoder = decoder;
        this.maxEventBytes = maxLineBytes;
    }

    @Override
    public Item next() throws IOException {
        if (ended) {
            return DONE;
        }
        dataLength = -1;
        boolean sawComment = false;
        while (true) {
            int length = lines.readLine();
            if (length < 0) {
                if (dataLength >= 0) {
                    return parse();
                }
                ended = true;
                return EOF;
            }
            if (length == 0) {
                if (dataLength >= 0) {
                    return parse();
                }
                if (sawComment) {
                    return KEEP_ALIVE;
                }
                continue;
            }
            byte[] line = lines.line();
            if (line[0] == ':') {
                sawComment = true;
                continue;
            }
            if (isData(line, length)) {
                int from = length > DATA_FIELD.length && line[DATA_FIELD.length] == ' '
                        ? DATA_FIELD.length + 1 : DATA_FIELD.length;
                appendData(line, from, length - from);
            }
            // "event:", "id:" and "retry:" lines carry nothing the translation needs.
        }
    }

    private static boolean isData(byte[] line, int length) {
        return length >= DATA_FIELD.length && Arrays.equals(line, 0, DATA_FIELD.length, DATA_FIELD, 0, DATA_FIELD.length);
    }

    /** Appends one data line's value; several data lines of one event join with a line feed, as SSE says. */
    private void appendData(byte[] source, int from, int count) throws IOException {
        int separator = dataLength < 0 ? 0 : 1;
        int needed = Math.max(dataLength, 0) + separator + count;
        if (needed > maxEventBytes) {
            throw new IOException("upstream sent an SSE event longer than " + maxEventBytes + " bytes");
        }
        if (needed > data.length) {
            data = Arrays.copyOf(data, Math.min(maxEventBytes, Math.max(data.length * 2, needed)));
        }
        int at = Math.max(dataLength, 0);
        if (separator == 1) {
            data[at++] = '\n';
        }
        System.arraycopy(source, from, data, at, count);
        dataLength = at + count;
    }

    private Item parse() {
        if (Arrays.equals(data, 0, dataLength, DONE_DATA, 0, DONE_DATA.length)) {
            ended = true;
            doneSeen = true;
            return DONE;
        }
        try {
            ChatCompletionChunk chunk = decoder.decode(data, 0, dataLength);
            // An object with no id, choices or usage is no chunk: upstreams send {"error":{...}} this way.
            if (chunk == null || chunk.id() == null && chunk.choices() == null && chunk.usage() == null) {
                return new Malformed(new String(data, 0, dataLength, StandardCharsets.UTF_8));
            }
            return new Chunk(chunk);
        } catch (IOException e) {
            return new Malformed(new String(data, 0, dataLength, StandardCharsets.UTF_8));
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
        aborted = true;
        reply.abort();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (doneSeen && !aborted) {
            reply.readRestWithin(BODY_END_WAIT, BODY_END_MAX_BYTES);
        }
        reply.close();
    }

    /** Splits a byte stream into UTF-8 lines ending in LF, CRLF or CR, refusing lines longer than a limit. */
    static final class SseLineReader {
        private final InputStream in;
        private final int maxLineBytes;
        // Small: the HTTP client buffers the socket already, and every open stream holds one of these.
        private final byte[] buffer = new byte[2048];
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

        /** The bytes of the line {@link #readLine} read last, from index 0. */
        byte[] line() {
            return line;
        }

        /** Reads the next line without its terminator into {@link #line()}: its length, or -1 at the end. */
        int readLine() throws IOException {
            int length = 0;
            while (true) {
                if (position == limit) {
                    limit = in.read(buffer);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        return length > 0 ? length : -1;
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
                    return length;
                }
            }
        }
    }
}
