package dev.optoant.upstream;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Test upstream on the JDK's {@link HttpServer}: records every request and answers with a fixed reply. */
final class EchoUpstream implements AutoCloseable {

    /** One request as the server saw it. */
    record Received(String method, String rawPath, String rawQuery, Headers headers, byte[] body, int clientPort) {
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    final List<Received> received = new CopyOnWriteArrayList<>();
    volatile int replyStatus = 200;
    volatile List<String[]> replyHeaders = List.of();
    volatile byte[] replyBody = "{}".getBytes(StandardCharsets.UTF_8);

    EchoUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            URI uri = exchange.getRequestURI();
            received.add(new Received(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
                    exchange.getRequestHeaders(), body, exchange.getRemoteAddress().getPort()));
            for (String[] header : replyHeaders) {
                exchange.getResponseHeaders().add(header[0], header[1]);
            }
            byte[] reply = replyBody;
            exchange.sendResponseHeaders(replyStatus, reply.length == 0 ? -1 : reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        }
    }

    Received only() {
        if (received.size() != 1) {
            throw new AssertionError("expected one request, got " + received.size());
        }
        return received.get(0);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
