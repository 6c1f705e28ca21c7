package dev.optoant.upstream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Test upstream on a raw {@link ServerSocket} at 127.0.0.1, for behaviour no real HTTP server would show on purpose.
 * A handler that throws fails the test with its exception as the cause: at once in {@link #await}, else from
 * {@link #close}. Exceptions the stub's own closing causes in a handler (socket closed, interrupted) are not failures.
 */
final class RawUpstream implements AutoCloseable {
    private static final Duration AWAIT_LIMIT = Duration.ofSeconds(30);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(10);

    /** What the server does with one accepted connection. */
    interface Handler {
        void handle(Socket socket) throws Exception;
    }

    private final ServerSocket server;
    private final boolean clientMayHangUp;
    private final List<Socket> sockets = new ArrayList<>();
    private final List<Thread> handlers = new ArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> firstFailure = new CompletableFuture<>();
    private boolean closing;
    private volatile int failuresReported;

    private RawUpstream(Handler handler, boolean clientMayHangUp) throws IOException {
        this.clientMayHangUp = clientMayHangUp;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("raw-upstream-accept").start(() -> acceptLoop(handler));
    }

    /** A stub where any exception out of the handler is a test failure. */
    static RawUpstream start(Handler handler) throws IOException {
        return new RawUpstream(handler, false);
    }

    /**
     * A stub whose client may drop the connection while the handler reads or writes (a reset, a broken pipe, the end
     * of the stream): the handler's {@link IOException}s are expected there; any other exception is still a failure.
     */
    static RawUpstream startAllowingHangUps(Handler handler) throws IOException {
        return new RawUpstream(handler, true);
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /**
     * Waits for a future the handler completes; fails at once with the handler's exception as the cause when a
     * handler fails first, instead of waiting out the limit.
     */
    <T> T await(CompletableFuture<T> future) throws Exception {
        CompletableFuture.anyOf(future, firstFailure).get(AWAIT_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        if (!future.isDone()) {
            int reported = failures.size();
            AssertionError error = failure();
            failuresReported = reported;
            throw error;
        }
        return future.get();
    }

    private void acceptLoop(Handler handler) {
        while (true) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return;
            }
            Thread thread = Thread.ofPlatform().daemon().name("raw-upstream-conn")
                    .unstarted(() -> serve(handler, socket));
            synchronized (this) {
                if (closing) {
                    closeQuietly(socket);
                    return;
                }
                sockets.add(socket);
                handlers.add(thread);
            }
            thread.start();
        }
    }

    private void serve(Handler handler, Socket socket) {
        try (socket) {
            handler.handle(socket);
        } catch (Throwable t) {
            if (!expected(t)) {
                failures.add(t);
                firstFailure.complete(null);
            }
        }
    }

    private boolean expected(Throwable t) {
        boolean causedByHangUp = t instanceof IOException;
        boolean causedByClose = t instanceof IOException || t instanceof InterruptedException;
        synchronized (this) {
            return causedByHangUp && clientMayHangUp || causedByClose && closing;
        }
    }

    private AssertionError failure() {
        AssertionError error = new AssertionError("the raw upstream's handler failed", failures.getFirst());
        failures.stream().skip(1).forEach(error::addSuppressed);
        return error;
    }

    /** Reads the request line and headers (the tests here send no request body). */
    static String readRequestHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed inside the request head");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    static void writeChunkedHead(OutputStream out, String contentType) throws IOException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nTransfer-Encoding: chunked\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    static void writeChunk(OutputStream out, byte[] data) throws IOException {
        writeChunkStart(out, data);
        writeChunkEnd(out);
    }

    /** A chunk's size line and data: all a client needs to read it, without the CRLF that ends the chunk. */
    static void writeChunkStart(OutputStream out, byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(data);
        out.flush();
    }

    static void writeChunkEnd(OutputStream out) throws IOException {
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    static void writeLastChunk(OutputStream out) throws IOException {
        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Stops the server and every handler, then fails with a handler failure {@link #await} has not reported yet. */
    @Override
    public void close() throws IOException {
        List<Thread> running;
        synchronized (this) {
            closing = true;
            server.close();
            sockets.forEach(RawUpstream::closeQuietly);
            running = List.copyOf(handlers);
        }
        for (Thread thread : running) {
            thread.interrupt();
        }
        for (Thread thread : running) {
            try {
                if (!thread.join(STOP_LIMIT)) {
                    failures.add(new AssertionError("a handler did not stop within " + STOP_LIMIT + " of close()"));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while stopping the handlers", e);
            }
        }
        if (failures.size() > failuresReported) {
            throw failure();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already unusable, which is all closing is for
        }
    }
}
