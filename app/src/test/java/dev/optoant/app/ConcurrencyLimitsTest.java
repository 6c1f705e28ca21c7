package dev.optoant.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optoant.domain.log.RequestLogEntry;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Caps on concurrent requests and streams: 429 at once in each API's shape, slots freed by ends and disconnects. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConcurrencyLimitsTest {
    @RegisterExtension
    static final StubUpstream UPSTREAM = StubUpstream.startOrFail();
    private static final DropwizardAppExtension<OptoantConfiguration> APP =
            GatewayTestSupport.appWithRequestLog(UPSTREAM.baseUrl(),
                    ConfigOverride.config("requestLog.flushInterval", "20ms"),
                    ConfigOverride.config("concurrency.maxRequests", "3"),
                    ConfigOverride.config("concurrency.maxStreams", "2"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPENAI = "/v1/chat/completions";
    private static final String ANTHROPIC = "/anthropic/v1/messages";
    private static final List<String> GAUGES = List.of(
            "gateway.requests.active", "gateway.streams.active", "upstream.connections.leased");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Socket> clients = new ArrayList<>();
    private CountDownLatch release;

    /** Streams send a chunk every few milliseconds until released; non-streamed answers wait for the release. */
    @BeforeEach
    void holdAnswersUntilReleased() {
        release = new CountDownLatch(1);
        CountDownLatch mine = release;
        UPSTREAM.route(OPENAI, exchange -> {
            boolean stream = new String(UPSTREAM.last().body(), StandardCharsets.UTF_8).contains("\"stream\":true");
            if (!stream) {
                mine.await(30, TimeUnit.SECONDS);
                StubUpstream.send(exchange, 200, "application/json", "{\"id\":\"c1\",\"object\":\"chat.completion\","
                        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},"
                        + "\"finish_reason\":\"stop\"}]}");
                return;
            }
            OutputStream out = StubUpstream.startSse(exchange);
            try {
                while (!mine.await(20, TimeUnit.MILLISECONDS)) {
                    StubUpstream.event(out, OpenAiPassthroughTest.chunk("t", null));
                }
                StubUpstream.event(out, OpenAiPassthroughTest.chunk("", "stop") + "data: [DONE]\n\n");
                out.close();
            } catch (IOException gatewayLeft) {
                // the client went away and the gateway dropped us
            }
        });
    }

    @AfterEach
    void releaseAndCloseClients() throws IOException {
        release.countDown();
        for (Socket client : clients) {
            client.close();
        }
    }

    @Test
    void aStreamOverTheLimitIs429InEachApisShapeWhileOtherRequestsGoOn() throws Exception {
        openStream(OPENAI);
        openStream(ANTHROPIC);
        awaitGauge("gateway.streams.active", 2);

        HttpResponse<String> openAi = post(OPENAI, true);
        HttpResponse<String> anthropic = post(ANTHROPIC, true);

        assertThat(openAi.statusCode()).isEqualTo(429);
        JsonNode openAiError = JSON.readTree(openAi.body()).get("error");
        assertThat(openAiError.get("type").asText()).isEqualTo("rate_limit_error");
        assertThat(openAiError.get("code").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(openAiError.get("message").asText()).contains("2 concurrent streams");
        assertThat(anthropic.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(anthropic.body()).get("type").asText()).isEqualTo("error");
        assertThat(JSON.readTree(anthropic.body()).get("error").get("type").asText()).isEqualTo("rate_limit_error");

        release.countDown();
        awaitGauges(0);
        assertThat(post(ANTHROPIC, true).statusCode()).as("freed slots serve again").isEqualTo(200);
        assertThat(awaitRefusalRows("concurrent streams", 2)).as("one row per refused stream")
                .extracting(RequestLogEntry::path).containsExactlyInAnyOrder(OPENAI, ANTHROPIC);
    }

    @Test
    void aRequestOverTheLimitIs429AtOnce() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(http.sendAsync(request(OPENAI, false), HttpResponse.BodyHandlers.ofString()));
        }
        awaitGauge("gateway.requests.active", 3);

        HttpResponse<String> openAi = post(OPENAI, false);
        HttpResponse<String> anthropic = post(ANTHROPIC, false);

        assertThat(openAi.statusCode()).isEqualTo(429);
        assertThat(openAi.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(JSON.readTree(openAi.body()).get("error").get("message").asText()).contains("3 concurrent requests");
        assertThat(anthropic.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(anthropic.body()).get("error").get("type").asText()).isEqualTo("rate_limit_error");
        release.countDown();
        for (CompletableFuture<HttpResponse<String>> answer : held) {
            assertThat(answer.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        awaitGauges(0);
        assertThat(awaitRefusalRows("concurrent requests", 2)).as("one row per refused request")
                .extracting(RequestLogEntry::path).containsExactlyInAnyOrder(OPENAI, ANTHROPIC);
    }

    @Test
    void clientsThatLeaveMidStreamFreeTheirSlots() throws Exception {
        for (int round = 0; round < 3; round++) {
            Socket openAi = openStream(OPENAI);
            Socket anthropic = openStream(ANTHROPIC);
            awaitGauge("gateway.streams.active", 2);

            openAi.close();
            anthropic.close();

            awaitGauges(0);
        }
    }

    /** Starts a stream on a raw socket and returns once its first event arrived. */
    private Socket openStream(String path) throws IOException {
        Socket client = new Socket("localhost", APP.getLocalPort());
        clients.add(client);
        byte[] body = body(path, true).getBytes(StandardCharsets.UTF_8);
        OutputStream out = client.getOutputStream();
        out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        InputStream in = client.getInputStream();
        StringBuilder seen = new StringBuilder();
        byte[] buffer = new byte[4096];
        while (!seen.toString().contains("data: ")) {
            int n = in.read(buffer);
            assertThat(n).as("stream ended before its first event: %s", seen).isPositive();
            seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
        assertThat(seen.toString()).startsWith("HTTP/1.1 200");
        return client;
    }

    private HttpResponse<String> post(String path, boolean stream) throws Exception {
        return http.send(request(path, stream), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path, boolean stream) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + APP.getLocalPort() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(path, stream))).build();
    }

    private static String body(String path, boolean stream) {
        return path.equals(ANTHROPIC)
                ? "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"stream\":" + stream + "}"
                : "{\"model\":\"deepseek-chat\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"stream\":" + stream + "}";
    }

    /** The slots, the upstream pool and the Prometheus streams-in-flight gauge of both APIs. */
    private static void awaitGauges(int value) throws Exception {
        for (String gauge : GAUGES) {
            awaitGauge(gauge, value);
        }
        for (String api : List.of("openai", "anthropic")) {
            PrometheusScrape scrape = PrometheusScrape.await(APP.getAdminPort(),
                    s -> s.value("optoant_streams_in_flight", Map.of("api", api)) == value);
            assertThat(scrape.value("optoant_streams_in_flight", Map.of("api", api))).as(api).isEqualTo(value);
        }
    }

    /** The 429 rows whose message names this cap, once {@code expected} of them are in the log. */
    private static List<RequestLogEntry> awaitRefusalRows(String cap, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<RequestLogEntry> refused;
        do {
            refused = GatewayTestSupport.awaitLogRows(APP, 0).stream()
                    .filter(row -> row.status() == 429 && row.errorMessage().contains(cap)).toList();
        } while (refused.size() < expected && System.nanoTime() < deadline);
        assertThat(refused).allSatisfy(row -> assertThat(row.errorType()).isEqualTo("rate_limit_error"));
        return refused;
    }

    private static void awaitGauge(String name, int value) throws InterruptedException {
        Map<String, com.codahale.metrics.Gauge> gauges = APP.getEnvironment().metrics().getGauges();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Integer.valueOf(value).equals(gauges.get(name).getValue()) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(gauges.get(name).getValue()).as(name).isEqualTo(value);
    }
}
