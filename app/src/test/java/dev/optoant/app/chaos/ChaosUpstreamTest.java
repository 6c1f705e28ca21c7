package dev.optoant.app.chaos;

import static dev.optoant.app.chaos.Expected.CUT;
import static dev.optoant.app.chaos.Expected.anthropicError;
import static dev.optoant.app.chaos.Expected.anything;
import static dev.optoant.app.chaos.Expected.completeStream;
import static dev.optoant.app.chaos.Expected.errorEvent;
import static dev.optoant.app.chaos.Expected.message;
import static dev.optoant.app.chaos.Expected.openAiError;
import static dev.optoant.app.chaos.Expected.relayedContaining;
import static org.assertj.core.api.Assertions.assertThat;

import dev.optoant.app.GatewayTestSupport;
import dev.optoant.app.OptoantApplication;
import dev.optoant.app.OptoantConfiguration;
import dev.optoant.domain.log.RequestLogEntry;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@link Fault} through every {@link Lane}: the client gets the right status and error in its own API's shape
 * within the configured time limits, the upstream saw no retry once it had started answering, no pooled connection
 * or concurrency slot stays taken, no thread is left behind, and the request log holds one row with the error.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChaosUpstreamTest {
    private static final ChaosUpstream UPSTREAM = start();
    private static final DropwizardAppExtension<OptoantConfiguration> APP =
            GatewayTestSupport.appWithRequestLog(UPSTREAM.baseUrl(),
                    ConfigOverride.config("upstream.connectTimeout", "500ms"),
                    ConfigOverride.config("upstream.firstByteTimeout", "500ms"),
                    ConfigOverride.config("upstream.idleTimeout", "500ms"),
                    ConfigOverride.config("upstream.retries.maxAttempts", "2"),
                    ConfigOverride.config("upstream.retries.initialBackoff", "10ms"),
                    ConfigOverride.config("upstream.retries.maxBackoff", "20ms"));
    private static final AtomicInteger SENT = new AtomicInteger();
    private static final int TEN_MB = 10 * 1024 * 1024;

    // One client for the class: each HttpClient owns a selector thread until it is collected.
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static ChaosUpstream start() {
        try {
            return new ChaosUpstream(GatewayTestSupport.freePort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() throws IOException {
        UPSTREAM.close();
    }

    static Stream<Arguments> cases() {
        return Stream.of(Fault.values()).flatMap(fault -> Stream.of(Lane.values()).map(lane -> Arguments.of(fault, lane)));
    }

    @Order(1)
    @ParameterizedTest(name = "{0} via {1}")
    @MethodSource("cases")
    void aFaultEndsInTheCallersErrorAndLeavesNothingBehind(Fault fault, Lane lane) throws Exception {
        Expected expected = expected(fault, lane);
        UPSTREAM.misbehave(fault);

        Answer answer = send(lane);

        assertThat(answer.status()).as("status of %s via %s", fault, lane).isEqualTo(expected.status());
        if (answer.status() != CUT) {
            expected.body().verify(answer.body());
        }
        assertThat(UPSTREAM.requests()).as("upstream attempts: none after an answer began")
                .isEqualTo(fault == Fault.REFUSE_CONNECTIONS ? 0 : 1);
        GatewayTestSupport.awaitNothingHeld(APP);
        List<RequestLogEntry> rows = GatewayTestSupport.awaitLogRows(APP, SENT.get());
        assertThat(rows).as("one row per request").hasSize(SENT.get());
        assertThat(rows.get(0).path()).isEqualTo(lane.path);
        assertThat(rows.get(0).status()).isEqualTo(expected.loggedStatus());
        assertThat(rows.get(0).errorType()).isEqualTo(expected.logError());
    }

    @Order(2)
    @Test
    void anotherRoundOfEveryFaultGrowsNoThreads() throws Exception {
        List<String> before = liveThreads();
        for (Fault fault : Fault.values()) {
            UPSTREAM.misbehave(fault);
            for (Lane lane : Lane.values()) {
                send(lane);
            }
        }
        GatewayTestSupport.awaitNothingHeld(APP);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (liveThreads().size() > before.size() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(liveThreads()).as("live platform threads, before: %s", before).hasSizeLessThanOrEqualTo(before.size());
        assertThat(GatewayTestSupport.awaitLogRows(APP, SENT.get())).as("rows lost or doubled").hasSize(SENT.get());
    }

    /**
     * Names of live platform threads, leaving out ForkJoinPool workers (the virtual-thread scheduler and the common
     * pool add and retire those on their own, within a fixed bound) and the test's own HTTP client's workers.
     */
    private static List<String> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> !name.startsWith("ForkJoinPool") && !name.startsWith("HttpClient-"))
                .sorted()
                .toList();
    }

    private static Expected expected(Fault fault, Lane lane) {
        boolean openAi = !lane.anthropic();
        return switch (fault) {
            case REFUSE_CONNECTIONS, GARBAGE_BYTES -> openAi
                    ? Expected.of(502, openAiError("upstream_unreachable"), "upstream_error")
                    : Expected.of(502, anthropicError("api_error", "Upstream"), "api_error");
            case NEVER_ANSWER -> openAi
                    ? Expected.of(504, openAiError("upstream_timeout"), "upstream_error")
                    : Expected.of(504, anthropicError("api_error", "first-byte timeout"), "api_error");
            case HEADERS_THEN_STALL -> switch (lane) {
                case OPENAI_JSON, OPENAI_STREAM -> Expected.of(502, openAiError("upstream_unreachable"), "upstream_error");
                case ANTHROPIC_JSON -> Expected.of(502, anthropicError("api_error", "timed out"), "api_error");
                case ANTHROPIC_STREAM -> Expected.of(200, errorEvent("api_error"), "api_error");
            };
            case STALL_MID_STREAM, CLOSE_MID_EVENT -> switch (lane) {
                // The status line went out with the first bytes: only a cut connection can say "incomplete".
                case OPENAI_JSON, OPENAI_STREAM -> new Expected(CUT, anything(), "upstream_error", 200);
                case ANTHROPIC_JSON -> Expected.of(502, anthropicError("api_error", "Upstream failed"), "api_error");
                case ANTHROPIC_STREAM -> Expected.of(200, errorEvent("api_error"), "api_error");
            };
            case INVALID_JSON -> switch (lane) {
                case OPENAI_JSON, OPENAI_STREAM -> Expected.of(200, relayedContaining("{not json at all"), null);
                case ANTHROPIC_JSON -> Expected.of(502, anthropicError("api_error", "not a chat completion"), "api_error");
                case ANTHROPIC_STREAM -> Expected.of(200, errorEvent("api_error"), "api_error");
            };
            case HUGE_LINE -> switch (lane) {
                case OPENAI_JSON, OPENAI_STREAM -> Expected.of(200, body -> assertThat(body.length()).isGreaterThan(TEN_MB), null);
                case ANTHROPIC_JSON -> Expected.of(200, message(TEN_MB), null);
                case ANTHROPIC_STREAM -> Expected.of(200, completeStream(TEN_MB), null);
            };
            case HTML_500 -> openAi
                    ? Expected.of(500, relayedContaining("<h1>500 Internal Server Error</h1>"), "upstream_http_500")
                    : Expected.of(500, anthropicError("api_error", "500 Internal Server Error"), "api_error");
            case ERROR_JSON_200 -> switch (lane) {
                case OPENAI_JSON, OPENAI_STREAM -> Expected.of(200, relayedContaining("The model is busy"), "upstream_error");
                case ANTHROPIC_JSON -> Expected.of(502, anthropicError("api_error", "The model is busy"), "api_error");
                case ANTHROPIC_STREAM -> Expected.of(200, errorEvent("api_error"), "api_error");
            };
            case DONE_TWICE, NO_DONE -> switch (lane) {
                case OPENAI_JSON, OPENAI_STREAM -> Expected.of(200, relayedContaining("lo"), null);
                case ANTHROPIC_JSON -> Expected.of(200, message(5), null);
                case ANTHROPIC_STREAM -> Expected.of(200, completeStream(5), null);
            };
            case INSUFFICIENT_SYSTEM_RESOURCE -> switch (lane) {
                case OPENAI_JSON, OPENAI_STREAM -> Expected.of(200, relayedContaining("insufficient_system_resource"), null);
                case ANTHROPIC_JSON -> Expected.of(529, anthropicError("overloaded_error", "capacity"), "overloaded_error");
                case ANTHROPIC_STREAM -> Expected.of(200, errorEvent("overloaded_error"), "overloaded_error");
            };
        };
    }

    /** The client's view: status and body, or {@link Expected#CUT} when the body broke off. */
    private record Answer(int status, String body) {
    }

    private Answer send(Lane lane) throws InterruptedException {
        SENT.incrementAndGet();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + APP.getLocalPort() + lane.path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("x-api-key", "sk-chaos")
                .POST(HttpRequest.BodyPublishers.ofString(lane.body())).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException cut) {
            return new Answer(CUT, null);
        }
    }

}
