package dev.optoant.app.slow;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An OpenAI-compatible upstream on raw sockets that answers every request with a long SSE stream of chunks, written
 * as fast as the gateway takes them, and counts the bytes each answer got written; a small socket send buffer keeps
 * its own buffering bounded. One answer at a time is watched: {@link #answer()} is the latest.
 */
final class FloodUpstream implements AutoCloseable {
    static final int SEND_BUFFER_BYTES = 64 * 1024;
    private static final byte[] HEAD = ("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENT = ("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"deepseek-chat\","
            + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + "x".repeat(4000) + "\"}}]}\n\n")
            .getBytes(StandardCharsets.US_ASCII);
    private static final int EVENTS_PER_WRITE = 4;

    private final ServerSocket server;
    private final long bodyBytes;
    private volatile Answer answer;

    /** What one answer got written, and how it ended: normally, or cut by the gateway. */
    static final class Answer {
        final AtomicLong written = new AtomicLong();
        final CompletableFuture<Boolean> endedNormally = new CompletableFuture<>();
    }

    /** Answers each request with about {@code bodyBytes} of SSE. */
    FloodUpstream(long bodyBytes) throws IOException {
        this.bodyBytes = bodyBytes;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("flood-accept").start(this::accept);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** The latest answer, or null before the first request. */
    Answer answer() {
        return answer;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket connection = server.accept();
                connection.setSendBufferSize(SEND_BUFFER_BYTES);
                Answer next = new Answer();
                answer = next;
                Thread.ofVirtual().name("flood-conn").start(() -> serve(connection, next));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket connection, Answer into) {
        try (connection) {
            readRequest(connection.getInputStream());
            OutputStream out = connection.getOutputStream();
            out.write(HEAD);
            byte[] batch = new byte[EVENT.length * EVENTS_PER_WRITE];
            for (int i = 0; i < EVENTS_PER_WRITE; i++) {
                System.arraycopy(EVENT, 0, batch, i * EVENT.length, EVENT.length);
            }
            while (into.written.get() < bodyBytes) {
                out.write(batch);
                into.written.addAndGet(batch.length);
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            into.endedNormally.complete(true);
        } catch (IOException cut) {
            into.endedNormally.complete(false);
        }
    }

    private static void readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("request ended in its head");
            }
            head.append((char) b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        long length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        in.readNBytes((int) length);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
