package dev.optoant.app.chaos;

import dev.optoant.app.HttpHeads;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible upstream on raw sockets that misbehaves on purpose, one {@link Fault} at a time, on a fixed
 * port so that "nothing listens" can be one of its faults. Every answer carries {@code Connection: close}.
 */
public final class ChaosUpstream implements AutoCloseable {
    private static final String TEN_MB_TEXT = "x".repeat(10 * 1024 * 1024);

    private final int port;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Fault fault = Fault.NEVER_ANSWER;
    private volatile ServerSocket server;

    public ChaosUpstream(int port) throws IOException {
        this.port = port;
        listen();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** From now on, misbehave this way; {@link Fault#REFUSE_CONNECTIONS} stops listening until another fault. */
    public synchronized void misbehave(Fault next) throws IOException {
        this.fault = next;
        requests.set(0);
        if (next == Fault.REFUSE_CONNECTIONS) {
            stopListening();
        } else if (server == null) {
            listen();
        }
    }

    /** Requests read since the last {@link #misbehave}. */
    public int requests() {
        return requests.get();
    }

    private void listen() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server = socket;
        Thread.ofVirtual().name("chaos-accept").start(() -> accept(socket));
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread.ofVirtual().name("chaos-conn").start(() -> serve(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            InputStream in = connection.getInputStream();
            String body = readRequest(in);
            requests.incrementAndGet();
            boolean stream = body.replace(" ", "").contains("\"stream\":true");
            misbehave(fault, stream, connection.getOutputStream(), in);
        } catch (IOException peerLeft) {
            // the gateway gave up or the fault hung up: both are expected here
        }
    }

    private static void misbehave(Fault fault, boolean stream, OutputStream out, InputStream in) throws IOException {
        switch (fault) {
            case REFUSE_CONNECTIONS, NEVER_ANSWER -> waitForHangUp(in);
            case HEADERS_THEN_STALL -> {
                out.write(chunkedHead(200, stream ? "text/event-stream" : "application/json"));
                out.flush();
                waitForHangUp(in);
            }
            case STALL_MID_STREAM -> {
                out.write(chunkedHead(200, stream ? "text/event-stream" : "application/json"));
                out.write(chunk(stream ? Sse.chunk("Hel", null) : "{\"id\":\"c1\",\"object\":"));
                out.flush();
                waitForHangUp(in);
            }
            case CLOSE_MID_EVENT -> {
                out.write(chunkedHead(200, stream ? "text/event-stream" : "application/json"));
                out.write(chunk(stream ? Sse.chunk("Hel", null) + "data: {\"id\":\"c1\",\"cho" : "{\"id\":\"c1\",\"cho"));
                out.flush();
            }
            case GARBAGE_BYTES -> {
                out.write(new byte[] {0, (byte) 0xff, (byte) 0xfe, 'G', 'A', 'R', 'B', 'A', 'G', 'E', '\r', '\n',
                        '\r', '\n', 1, 2, 3});
                out.flush();
            }
            case INVALID_JSON -> whole(out, 200, stream,
                    stream ? "data: {not json at all\n\n" + Sse.DONE : "{not json at all");
            case HUGE_LINE -> whole(out, 200, stream,
                    stream ? Sse.chunk(TEN_MB_TEXT, "stop") + Sse.DONE : Sse.completion(TEN_MB_TEXT, "stop"));
            case HTML_500 -> {
                byte[] page = "<html><body><h1>500 Internal Server Error</h1></body></html>"
                        .getBytes(StandardCharsets.UTF_8);
                out.write(head(500, "text/html", page.length));
                out.write(page);
                out.flush();
            }
            case ERROR_JSON_200 -> {
                String error = "{\"error\":{\"message\":\"The model is busy\",\"type\":\"server_error\"}}";
                whole(out, 200, stream, stream ? "data: " + error + "\n\n" : error);
            }
            case DONE_TWICE -> whole(out, 200, stream, stream
                    ? Sse.chunk("Hel", null) + Sse.chunk("lo", "stop") + Sse.DONE + Sse.DONE
                    : Sse.completion("Hello", "stop"));
            case NO_DONE -> whole(out, 200, stream, stream
                    ? Sse.chunk("Hel", null) + Sse.chunk("lo", "stop")
                    : Sse.completion("Hello", "stop"));
            case INSUFFICIENT_SYSTEM_RESOURCE -> whole(out, 200, stream, stream
                    ? Sse.chunk("Hel", null) + Sse.chunk("", "insufficient_system_resource") + Sse.DONE
                    : Sse.completion("Hel", "insufficient_system_resource"));
        }
    }

    /** A complete chunked answer: head, the body as one chunk, the terminating chunk. */
    private static void whole(OutputStream out, int status, boolean stream, String body) throws IOException {
        out.write(chunkedHead(status, stream ? "text/event-stream" : "application/json"));
        out.write(chunk(body));
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static byte[] chunkedHead(int status, String contentType) {
        return ("HTTP/1.1 " + status + " X\r\nContent-Type: " + contentType
                + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] head(int status, String contentType, int length) {
        return ("HTTP/1.1 " + status + " X\r\nContent-Type: " + contentType + "\r\nContent-Length: " + length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] chunk(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 16);
        out.writeBytes((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(bytes);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** Blocks until the gateway closes its side, so a stalled answer stalls for as long as the gateway waits. */
    private static void waitForHangUp(InputStream in) throws IOException {
        while (in.read() >= 0) {
            // discard
        }
    }

    /** Reads the head and a Content-Length body (the gateway sends no chunked bodies to this upstream's tests). */
    private static String readRequest(InputStream in) throws IOException {
        String head = HttpHeads.read(in);
        if (head == null) {
            throw new IOException("request ended in its head");
        }
        long length = 0;
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        return new String(in.readNBytes((int) length), StandardCharsets.UTF_8);
    }

    private synchronized void stopListening() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public void close() throws IOException {
        stopListening();
    }
}
