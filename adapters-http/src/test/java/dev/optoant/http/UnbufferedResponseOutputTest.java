package dev.optoant.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A stream written through {@link UnbufferedResponseOutput} on a real Jetty: what the client reads, and what it holds. */
class UnbufferedResponseOutputTest {
    private final ArrayByteBufferPool.Tracking pool = new ArrayByteBufferPool.Tracking();
    private final CountDownLatch firstEventSent = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private Server server;

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        server.stop();
    }

    @Test
    void eventsArriveAsWrittenAndNoServerBufferIsHeldBetweenThem() throws Exception {
        int port = start(true);
        try (Socket client = new Socket("127.0.0.1", port)) {
            BufferedReader in = request(client);
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
            List<String> lines = readUntilBlank(in);
            assertThat(lines).contains("Content-Type: text/event-stream", "Transfer-Encoding: chunked");
            assertThat(nextChunk(in)).isEqualTo("event: a\ndata: 1\n\n");
            assertThat(firstEventSent.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(buffersInUse()).isZero();

            release.countDown();
            assertThat(nextChunk(in)).isEqualTo("event: b\ndata: " + "x".repeat(10_000) + "\n\n");
        }
    }

    @Test
    void theServletsOwnOutputKeepsABufferForTheStreamsLife() throws Exception {
        int port = start(false);
        try (Socket client = new Socket("127.0.0.1", port)) {
            BufferedReader in = request(client);
            readUntilBlank(in);
            assertThat(nextChunk(in)).isEqualTo("event: a\ndata: 1\n\n");
            assertThat(firstEventSent.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(buffersInUse()).isPositive();
        }
    }

    @Test
    void aFlushBeforeAnyWriteSendsTheResponseHead() throws Exception {
        int port = start(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.setContentType("text/event-stream");
                UnbufferedResponseOutput.of(response.getOutputStream()).flush();
                await(release);
            }
        });
        try (Socket client = new Socket("127.0.0.1", port)) {
            BufferedReader in = request(client);
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
        }
    }

    private int start(boolean unbuffered) throws Exception {
        return start(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.setContentType("text/event-stream");
                OutputStream out = unbuffered
                        ? UnbufferedResponseOutput.of(response.getOutputStream()) : response.getOutputStream();
                out.write("event: a\ndata: 1\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                firstEventSent.countDown();
                await(release);
                out.write(("event: b\ndata: " + "x".repeat(10_000) + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        });
    }

    /** A Jetty server on a free port, with the tracked buffer pool, serving {@code servlet} at every path. */
    private int start(HttpServlet servlet) throws Exception {
        server = new Server(null, null, pool);
        ServerConnector connector = new ServerConnector(server);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(servlet), "/*");
        server.setHandler(context);
        server.start();
        return connector.getLocalPort();
    }

    private long buffersInUse() {
        return pool.getLeaks().size();
    }

    private static BufferedReader request(Socket client) throws IOException {
        client.setSoTimeout(10_000);
        client.getOutputStream().write("GET /stream HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
    }

    private static List<String> readUntilBlank(BufferedReader in) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            lines.add(line);
        }
        return lines;
    }

    /**
     * The payload of the next chunks up to the end of an event; Jetty sends a chunk's closing line break with the next
     * chunk, so it is skipped before a size line rather than read after the data.
     */
    private static String nextChunk(BufferedReader in) throws IOException {
        StringBuilder payload = new StringBuilder();
        do {
            String sizeLine = in.readLine();
            while (sizeLine.isEmpty()) {
                sizeLine = in.readLine();
            }
            int size = Integer.parseInt(sizeLine.trim(), 16);
            char[] data = new char[size];
            int read = 0;
            while (read < size) {
                read += in.read(data, read, size - read);
            }
            payload.append(data);
        } while (!payload.toString().endsWith("\n\n"));
        return payload.toString();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
