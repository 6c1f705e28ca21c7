package dev.optoant.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.optoant.domain.log.RequestLogEntry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM to the real gateway process while an OpenAI and an Anthropic stream are open: new connections are refused,
 * the streams run to their end (or are cut at the grace period), the process exits, and both rows reach PostgreSQL.
 */
class GracefulShutdownTest {
    private static final Duration EXIT_LIMIT = Duration.ofSeconds(90);
    private static final String FIRST =
            "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hel\"}}]}\n\n";
    private static final String REST =
            "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo\"},\"finish_reason\":\"stop\"}]}\n\n"
            + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2}}\n\n"
            + "data: [DONE]\n\n";

    private static final String OPENAI_PATH = "/v1/chat/completions";
    private static final String OPENAI_BODY =
            "{\"model\":\"deepseek-chat\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
    private static final String ANTHROPIC_PATH = "/anthropic/v1/messages";
    private static final String ANTHROPIC_BODY = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":50,\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

    private final StubUpstream upstream = StubUpstream.startOrFail();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch bothStarted = new CountDownLatch(2);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final int dbPort = GatewayTestSupport.freePort();
    private EmbeddedPostgres database;
    private GatewayProcess gateway;

    @BeforeEach
    void startDatabaseAndUpstream() throws Exception {
        database = EmbeddedPostgres.builder().setPort(dbPort).start();
        // Every stream sends its first event, then holds the rest until the test releases it.
        upstream.route("/v1/chat/completions", exchange -> {
            OutputStream out = StubUpstream.startSse(exchange);
            StubUpstream.event(out, FIRST);
            bothStarted.countDown();
            release.await();
            StubUpstream.event(out, REST);
        });
    }

    @AfterEach
    void stopEverything() throws Exception {
        release.countDown();
        if (gateway != null) {
            gateway.close();
        }
        upstream.close();
        database.close();
    }

    private void startGateway(String gracePeriod) throws Exception {
        gateway = GatewayProcess.startAndAwait(Map.of(
                "OPENAI_BACKEND", upstream.baseUrl(),
                "DATABASE_DSN", "postgres://postgres@localhost:" + dbPort + "/postgres?sslmode=disable",
                "SHUTDOWN_GRACE_PERIOD", gracePeriod));
    }

    @Test
    void streamsOpenAtSigtermFinishAndAreLogged() throws Exception {
        startGateway("60s");
        OpenStream openai = openStream(OPENAI_PATH, OPENAI_BODY);
        OpenStream anthropic = openStream(ANTHROPIC_PATH, ANTHROPIC_BODY);
        assertThat(bothStarted.await(30, TimeUnit.SECONDS)).isTrue();

        gateway.terminate();

        awaitRefused();
        assertThat(gateway.isAlive()).as("the gateway waits for the open streams").isTrue();
        release.countDown();
        String openaiBody = openai.rest();
        String anthropicBody = anthropic.rest();
        assertThat(gateway.awaitExit(EXIT_LIMIT)).as(gateway.output()).isTrue();

        assertThat(openaiBody).contains("\"content\":\"lo\"").endsWith("data: [DONE]\n\n");
        assertThat(anthropicBody).contains("\"text\":\"lo\"").contains("event: message_delta")
                .endsWith("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
        List<RequestLogEntry> rows = GatewayTestSupport.awaitLogRows(dbPort, 2);
        assertThat(rows).hasSize(2).allSatisfy(row -> {
            assertThat(row.status()).isEqualTo(200);
            assertThat(row.streaming()).isTrue();
            assertThat(row.errorType()).isNull();
            assertThat(row.outputTokens()).isEqualTo(2);
        });
    }

    @Test
    void streamsStillOpenAtTheEndOfTheGracePeriodAreCutAndLogged() throws Exception {
        startGateway("1s");
        OpenStream openai = openStream(OPENAI_PATH, OPENAI_BODY);
        OpenStream anthropic = openStream(ANTHROPIC_PATH, ANTHROPIC_BODY);
        assertThat(bothStarted.await(30, TimeUnit.SECONDS)).isTrue();

        gateway.terminate();

        String openaiBody = openai.rest();
        String anthropicBody = anthropic.rest();
        assertThat(gateway.awaitExit(EXIT_LIMIT)).as(gateway.output()).isTrue();
        assertThat(openaiBody).doesNotContain("[DONE]");
        assertThat(anthropicBody).contains("event: error").doesNotContain("message_stop");
        List<RequestLogEntry> rows = GatewayTestSupport.awaitLogRows(dbPort, 2);
        assertThat(rows).hasSize(2).allSatisfy(row -> {
            assertThat(row.errorType()).isEqualTo(GracefulShutdown.ERROR_TYPE);
            assertThat(row.streaming()).isTrue();
        });
    }

    @Test
    void embeddedDatabaseTakesTheRowsOfDrainedStreamsBeforeItStops() throws Exception {
        gateway = GatewayProcess.startAndAwait(Map.of(
                "OPENAI_BACKEND", upstream.baseUrl(),
                "EMBEDDED_POSTGRES_PORT", String.valueOf(GatewayTestSupport.freePort()),
                "SHUTDOWN_GRACE_PERIOD", "60s"));
        OpenStream openai = openStream(OPENAI_PATH, OPENAI_BODY);

        gateway.terminate();
        awaitRefused();
        release.countDown();
        assertThat(openai.rest()).endsWith("data: [DONE]\n\n");
        assertThat(gateway.awaitExit(EXIT_LIMIT)).as(gateway.output()).isTrue();

        int reopenedPort = GatewayTestSupport.freePort();
        try (EmbeddedPostgres reopened = EmbeddedPostgres.builder()
                .setDataDirectory(gateway.dataDirectory().resolve("postgres"))
                .setCleanDataDirectory(false).setPort(reopenedPort).start()) {
            List<RequestLogEntry> rows = GatewayTestSupport.awaitLogRows(reopened.getPort(), 1);
            assertThat(rows).as("the row is in the database, not left in the journal").hasSize(1);
            assertThat(rows.get(0).errorType()).isNull();
        }
    }

    @Test
    void aRequestWaitingToRetryWhenTheGracePeriodEndsIsAnsweredAndLogged() throws Exception {
        CountDownLatch refused = new CountDownLatch(1);
        upstream.route(OPENAI_PATH, exchange -> {
            // A wait the gateway honours (within maxRetryAfter) that outlasts the grace period and the cut allowance.
            exchange.getResponseHeaders().set("Retry-After", "9");
            StubUpstream.send(exchange, 429, "application/json", "{\"error\":{\"message\":\"slow down\"}}");
            refused.countDown();
        });
        startGateway("1s");
        java.util.concurrent.CompletableFuture<HttpResponse<String>> answer = http.sendAsync(
                HttpRequest.newBuilder(gateway.uri(OPENAI_PATH)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(OPENAI_BODY.replace("\"stream\":true,", ""))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.await(30, TimeUnit.SECONDS)).isTrue();

        gateway.terminate();

        assertThat(answer.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(502);
        assertThat(gateway.awaitExit(EXIT_LIMIT)).as(gateway.output()).isTrue();
        List<RequestLogEntry> rows = GatewayTestSupport.awaitLogRows(dbPort, 1);
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo(502);
            assertThat(row.errorType()).isEqualTo("gateway_shutdown");
        });
        assertThat(upstream.received()).as("no attempt after the cut").hasSize(1);
    }

    @Test
    void aRequestOnAConnectionOpenBeforeTheDrainGets503AndOneRow() throws Exception {
        startGateway("60s");
        OpenStream stream = openStream(OPENAI_PATH, OPENAI_BODY);
        String countTokens = "POST /anthropic/v1/messages/count_tokens HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + ANTHROPIC_BODY.length() + "\r\n\r\n"
                + ANTHROPIC_BODY;
        try (Socket kept = new Socket("localhost", gateway.uri("/").getPort())) {
            kept.setSoTimeout(30_000);
            assertThat(exchange(kept, countTokens)).startsWith("HTTP/1.1 200");

            gateway.terminate();
            awaitRefused();

            assertThat(exchange(kept, countTokens)).startsWith("HTTP/1.1 503");
        }
        release.countDown();
        stream.rest();
        assertThat(gateway.awaitExit(EXIT_LIMIT)).as(gateway.output()).isTrue();

        List<RequestLogEntry> rows = GatewayTestSupport.awaitLogRows(dbPort, 3);
        assertThat(rows).extracting(RequestLogEntry::path, RequestLogEntry::status).containsExactlyInAnyOrder(
                tuple(OPENAI_PATH, 200), tuple(ANTHROPIC_PATH + "/count_tokens", 200),
                tuple(ANTHROPIC_PATH + "/count_tokens", 503));
    }

    /** Sends one request on a kept-alive connection and returns the response's head, its body read and dropped. */
    private static String exchange(Socket socket, String request) throws Exception {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        java.io.InputStream in = socket.getInputStream();
        String head = HttpHeads.read(in);
        assertThat(head).as("a response on the open connection").isNotNull();
        String lower = head.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("\r\ntransfer-encoding: chunked")) {
            for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
                in.readNBytes(size + 2);
            }
            in.readNBytes(2);
        } else if (lower.contains("\r\ncontent-length:")) {
            int from = lower.indexOf("\r\ncontent-length:") + "\r\ncontent-length:".length();
            int end = lower.indexOf("\r\n", from);
            in.readNBytes(Integer.parseInt(lower.substring(from, end < 0 ? lower.length() : end).strip()));
        }
        return head;
    }

    private static int chunkSize(java.io.InputStream in) throws Exception {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return Integer.parseInt(line.toString().strip(), 16);
    }

    private void awaitRefused() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!gateway.refusesConnections()) {
            assertThat(System.nanoTime()).as("new connections are refused after SIGTERM").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Starts a stream and returns once its first text arrived. */
    private OpenStream openStream(String path, String body) throws Exception {
        OpenStream stream = open(path, body);
        stream.awaitLine(line -> line.contains("Hel"));
        return stream;
    }

    private OpenStream open(String path, String body) throws Exception {
        HttpResponse<java.io.InputStream> response = http.send(HttpRequest.newBuilder(gateway.uri(path))
                .header("Content-Type", "application/json")
                .header("x-api-key", "sk-test")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        return new OpenStream(new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8)));
    }

    /** A streamed response being read line by line. */
    private record OpenStream(BufferedReader reader) {
        void awaitLine(java.util.function.Predicate<String> wanted) throws Exception {
            String line;
            while ((line = reader.readLine()) != null) {
                if (wanted.test(line)) {
                    return;
                }
            }
            throw new AssertionError("the stream ended before the expected line");
        }

        /** Everything until the end of the response, lines joined with "\n" as they came. */
        String rest() throws Exception {
            List<String> lines = new ArrayList<>();
            String line;
            try {
                while ((line = reader.readLine()) != null) {
                    lines.add(line);
                }
            } catch (java.io.IOException cut) {
                // a response cut by the server ends here
            }
            return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
        }
    }
}
