package dev.optoant.app.slow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optoant.app.GatewayTestSupport;
import dev.optoant.app.OptoantApplication;
import dev.optoant.app.OptoantConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A client that reads a stream slowly, through a tiny receive buffer, while the upstream could send 64 MiB at once:
 * on both streaming lanes the gateway passes the backpressure on, so the upstream gets to write only what the client
 * read plus a few MiB of socket and gateway buffers; and when the client leaves, the upstream call is cut and no
 * pooled connection, request or stream stays counted.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SlowClientTest {
    private static final long UPSTREAM_BODY = 64L << 20;
    /** Socket buffers on the way (upstream send, gateway receive and send, client receive) and the gateway's own. */
    private static final long BUFFERED_AT_MOST = 8L << 20;
    private static final FloodUpstream UPSTREAM = start();
    private static final DropwizardAppExtension<OptoantConfiguration> APP = new DropwizardAppExtension<>(
            OptoantApplication.class, GatewayTestSupport.CONFIG, GatewayTestSupport.overrides(UPSTREAM.baseUrl()));

    private static FloodUpstream start() {
        try {
            return new FloodUpstream(UPSTREAM_BODY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() throws IOException {
        UPSTREAM.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "/v1/chat/completions|{\"model\":\"deepseek-chat\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}",
        "/anthropic/v1/messages|{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"})
    void backpressureReachesTheUpstreamAndLeavingCutsIt(String path, String body) throws Exception {
        long read;
        FloodUpstream.Answer answer;
        try (Socket client = new Socket()) {
            client.setReceiveBufferSize(4096);
            client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), APP.getLocalPort()));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            client.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "x-api-key: sk-slow\r\nContent-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            client.getOutputStream().write(bytes);
            InputStream in = client.getInputStream();

            read = readSlowly(in, 64 * 1024);
            answer = UPSTREAM.answer();
            long stalledAt = awaitStalled(answer);
            assertThat(stalledAt).as("upstream bytes written while the client read %d", read)
                    .isLessThan(read + BUFFERED_AT_MOST);
            assertThat(answer.endedNormally).as("the upstream is held back, not finished").isNotDone();

            read += readSlowly(in, 2L << 20);
            long movedOnTo = awaitStalled(answer);
            assertThat(movedOnTo).as("reading on lets the upstream write on").isGreaterThan(stalledAt);
            assertThat(movedOnTo).as("upstream bytes written while the client read %d", read)
                    .isLessThan(read + BUFFERED_AT_MOST);
        }
        assertThat(answer.endedNormally.get(30, TimeUnit.SECONDS)).as("the upstream call was cut").isFalse();
        assertThat(answer.written.get()).isLessThan(UPSTREAM_BODY);
        GatewayTestSupport.awaitNothingHeld(APP);
    }

    /** Reads {@code total} bytes a few at a time, as a client on a slow link would take them. */
    private static long readSlowly(InputStream in, long total) throws IOException {
        byte[] small = new byte[512];
        long read = 0;
        while (read < total) {
            int n = in.read(small, 0, (int) Math.min(small.length, total - read));
            assertThat(n).as("the stream goes on").isPositive();
            read += n;
        }
        return read;
    }

    /** Polls the upstream's written count until it has not moved for a second (20 s at most), and returns it. */
    private static long awaitStalled(FloodUpstream.Answer answer) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        long last = answer.written.get();
        long since = System.nanoTime();
        while (System.nanoTime() < deadline) {
            Thread.sleep(50);
            long now = answer.written.get();
            if (now != last) {
                last = now;
                since = System.nanoTime();
            } else if (System.nanoTime() - since > TimeUnit.SECONDS.toNanos(1)) {
                return now;
            }
        }
        throw new AssertionError("the upstream never stopped writing: " + last + " bytes");
    }
}
