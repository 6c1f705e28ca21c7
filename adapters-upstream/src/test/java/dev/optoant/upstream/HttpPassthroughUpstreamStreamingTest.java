package dev.optoant.upstream;

import static dev.optoant.upstream.RawUpstream.readRequestHead;
import static dev.optoant.upstream.RawUpstream.writeChunk;
import static dev.optoant.upstream.RawUpstream.writeChunkEnd;
import static dev.optoant.upstream.RawUpstream.writeChunkStart;
import static dev.optoant.upstream.RawUpstream.writeChunkedHead;
import static dev.optoant.upstream.RawUpstream.writeLastChunk;
import static dev.optoant.upstream.UpstreamTestSupport.client;
import static dev.optoant.upstream.UpstreamTestSupport.get;
import static dev.optoant.upstream.UpstreamTestSupport.readSome;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.optoant.domain.error.ErrorKind;
import dev.optoant.domain.error.GatewayException;
import dev.optoant.domain.port.UpstreamReply;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link HttpPassthroughUpstream} streaming: separate first-byte and idle limits, abort and early close drop the connection. */
class HttpPassthroughUpstreamStreamingTest {
    private static final byte[] EVENT_1 = "data: {\"n\":1}\n\n".getBytes(UTF_8);
    private static final byte[] EVENT_2 = "data: {\"n\":2}\n\n".getBytes(UTF_8);

    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseServer() {
        release.countDown();
    }

    @Test
    void stalledBodyFailsAfterTheIdleLimitNotTheFirstByteLimit() throws Exception {
        try (RawUpstream server = RawUpstream.start(socket -> {
                    readRequestHead(socket.getInputStream());
                    OutputStream out = socket.getOutputStream();
                    writeChunkedHead(out, "text/event-stream");
                    writeChunk(out, EVENT_1);
                    release.await(30, TimeUnit.SECONDS);
                });
                CloseableHttpClient client = client(server.baseUrl(), Duration.ofMillis(300), Duration.ofMillis(1500));
                UpstreamReply reply = new HttpPassthroughUpstream(client, server.baseUrl()).send(get("/v1/x"))) {
            assertThat(readSome(reply.body())).isEqualTo("data: {\"n\":1}\n\n");

            long started = System.nanoTime();
            assertThatThrownBy(() -> readSome(reply.body())).isInstanceOf(SocketTimeoutException.class);
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

            assertThat(elapsedMillis).isBetween(1_000L, 10_000L);
        }
    }

    @Test
    void pauseLongerThanFirstByteButShorterThanIdleIsFine() throws Exception {
        try (RawUpstream server = RawUpstream.start(socket -> {
                    readRequestHead(socket.getInputStream());
                    OutputStream out = socket.getOutputStream();
                    writeChunkedHead(out, "text/event-stream");
                    writeChunk(out, EVENT_1);
                    Thread.sleep(700); // the upstream being slow is the behaviour under test
                    writeChunk(out, EVENT_2);
                    writeLastChunk(out);
                });
                CloseableHttpClient client = client(server.baseUrl(), Duration.ofMillis(300), Duration.ofMillis(1500));
                UpstreamReply reply = new HttpPassthroughUpstream(client, server.baseUrl()).send(get("/v1/x"))) {
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body().readAllBytes()).asString(UTF_8)
                    .isEqualTo("data: {\"n\":1}\n\ndata: {\"n\":2}\n\n");
        }
    }

    @Test
    void reusedConnectionGetsTheFirstByteLimitBackAfterAStream() throws Exception {
        try (RawUpstream server = RawUpstream.start(socket -> {
                    InputStream in = socket.getInputStream();
                    OutputStream out = socket.getOutputStream();
                    readRequestHead(in);
                    writeChunkedHead(out, "text/event-stream");
                    writeChunk(out, EVENT_1);
                    writeLastChunk(out);
                    readRequestHead(in);
                    release.await(30, TimeUnit.SECONDS);
                });
                CloseableHttpClient client = client(server.baseUrl(), Duration.ofMillis(300), Duration.ofSeconds(20))) {
            HttpPassthroughUpstream upstream = new HttpPassthroughUpstream(client, server.baseUrl());
            try (UpstreamReply reply = upstream.send(get("/v1/first"))) {
                reply.body().readAllBytes();
            }

            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(() -> upstream.send(get("/v1/second")))
                    .isInstanceOfSatisfying(GatewayException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_TIMEOUT)));
        }
    }

    @Test
    void abortDropsTheConnectionWhileTheBodyIsStreaming() throws Exception {
        CompletableFuture<Integer> serverSawClose = new CompletableFuture<>();
        try (RawUpstream server = RawUpstream.start(socket -> {
                    InputStream in = socket.getInputStream();
                    readRequestHead(in);
                    OutputStream out = socket.getOutputStream();
                    writeChunkedHead(out, "text/event-stream");
                    writeChunkStart(out, EVENT_1);
                    serverSawClose.complete(endChunkThenAwaitClose(in, out));
                });
                CloseableHttpClient client = client(server.baseUrl(), Duration.ofSeconds(5), Duration.ofSeconds(30))) {
            UpstreamReply reply = new HttpPassthroughUpstream(client, server.baseUrl()).send(get("/v1/x"));
            assertThat(readSome(reply.body())).isEqualTo("data: {\"n\":1}\n\n");

            reply.abort();

            assertThat(server.await(serverSawClose)).isEqualTo(-1);
            assertTimeoutPreemptively(Duration.ofSeconds(30), reply::close);
        }
    }

    /** The client can read a chunk's data before the upstream has written the CRLF ending it, and abort right then. */
    @Test
    void abortDropsTheConnectionBeforeTheUpstreamHasEndedTheChunk() throws Exception {
        CountDownLatch aborted = new CountDownLatch(1);
        CompletableFuture<Integer> serverSawClose = new CompletableFuture<>();
        try (RawUpstream server = RawUpstream.start(socket -> {
                    InputStream in = socket.getInputStream();
                    readRequestHead(in);
                    OutputStream out = socket.getOutputStream();
                    writeChunkedHead(out, "text/event-stream");
                    writeChunkStart(out, EVENT_1);
                    aborted.await(30, TimeUnit.SECONDS);
                    serverSawClose.complete(endChunkThenAwaitClose(in, out));
                });
                CloseableHttpClient client = client(server.baseUrl(), Duration.ofSeconds(5), Duration.ofSeconds(30))) {
            UpstreamReply reply = new HttpPassthroughUpstream(client, server.baseUrl()).send(get("/v1/x"));
            assertThat(readSome(reply.body())).isEqualTo("data: {\"n\":1}\n\n");

            reply.abort();
            aborted.countDown();

            assertThat(server.await(serverSawClose)).isEqualTo(-1);
            assertTimeoutPreemptively(Duration.ofSeconds(30), reply::close);
        }
    }

    @Test
    void closingBeforeTheEndOfALongBodyReturnsAtOnceAndDropsTheConnection() throws Exception {
        CompletableFuture<Void> serverWriteFailed = new CompletableFuture<>();
        byte[] block = new byte[16_384];
        try (RawUpstream server = RawUpstream.start(socket -> {
                    readRequestHead(socket.getInputStream());
                    OutputStream out = socket.getOutputStream();
                    writeChunkedHead(out, "application/octet-stream");
                    try {
                        while (true) {
                            writeChunk(out, block);
                        }
                    } catch (IOException e) {
                        serverWriteFailed.complete(null);
                    }
                });
                CloseableHttpClient client = client(server.baseUrl(), Duration.ofSeconds(5), Duration.ofSeconds(30))) {
            UpstreamReply reply = new HttpPassthroughUpstream(client, server.baseUrl()).send(get("/v1/files/f/content"));
            assertThat(reply.body().readNBytes(100_000)).hasSize(100_000);

            assertTimeoutPreemptively(Duration.ofSeconds(5), reply::close);

            server.await(serverWriteFailed);
        }
    }

    /**
     * Ends the open chunk, then waits for the client's next move: -1 once the client has dropped the connection,
     * which shows as a reset on that write or as the end of the stream or a reset on the read; else the byte it sent.
     */
    private static int endChunkThenAwaitClose(InputStream in, OutputStream out) {
        try {
            writeChunkEnd(out);
            return in.read();
        } catch (IOException e) {
            return -1;
        }
    }
}
