package dev.optoant.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code ADMIN_BIND_HOST} as an operator sets it: the real gateway, started from config.yml in its own JVM, answers
 * its admin port on a non-loopback address of this machine with {@code ADMIN_BIND_HOST=0.0.0.0} and refuses it there
 * without. ({@code hostile.AdminBindTest} checks the default in-process.)
 */
class AdminBindHostTest {
    @RegisterExtension
    static final StubUpstream UPSTREAM = StubUpstream.startOrFail();
    private static final Pattern ADMIN_STARTED = Pattern.compile("Started admin@\\S*?\\{[^}]*}\\{([^}:]*):(\\d+)}");
    private static InetAddress outside;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void findANonLoopbackAddress() throws SocketException {
        Optional<InetAddress> address = GatewayTestSupport.nonLoopbackAddress();
        assumeTrue(address.isPresent(), "this machine has no non-loopback IPv4 address on an interface that is up, "
                + "so there is no other interface to reach the admin port on");
        outside = address.get();
    }

    @Test
    void withAdminBindHostTheAdminPortAnswersOnANonLoopbackAddress() throws Exception {
        try (GatewayProcess gateway = start(Map.of("ADMIN_BIND_HOST", "0.0.0.0"))) {
            int adminPort = adminPort(gateway, "0.0.0.0");
            HttpResponse<String> ping = ping(outside, adminPort);

            assertThat(ping.statusCode()).as(gateway.output()).isEqualTo(200);
            assertThat(ping.body()).as("Dropwizard's admin ping").isEqualToIgnoringWhitespace("pong");
            assertThat(ping(InetAddress.getLoopbackAddress(), adminPort).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void withoutItTheAdminPortAnswersOnLoopbackOnly() throws Exception {
        try (GatewayProcess gateway = start(Map.of())) {
            int adminPort = adminPort(gateway, "127.0.0.1");
            assertThat(ping(InetAddress.getLoopbackAddress(), adminPort).statusCode()).as(gateway.output())
                    .isEqualTo(200);

            assertThatThrownBy(() -> ping(outside, adminPort)).isInstanceOf(ConnectException.class);
            assertThat(http.send(HttpRequest.newBuilder(URI.create("http://" + outside.getHostAddress() + ":"
                    + gateway.port() + "/health")).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                    .as("the API port listens on every interface").isEqualTo(200);
        }
    }

    private static GatewayProcess start(Map<String, String> extra) throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>(Map.of(
                "OPENAI_BACKEND", UPSTREAM.baseUrl(),
                "REQUEST_LOG_ENABLED", "false"));
        env.putAll(extra);
        return GatewayProcess.startAndAwait(env);
    }

    /**
     * The port the admin connector took (the gateway runs with {@code ADMIN_PORT=0}), from Jetty's start-up line
     * {@code Started admin@...{HTTP/1.1, (http/1.1)}{host:port}}, which also shows the host it bound.
     */
    private static int adminPort(GatewayProcess gateway, String expectedHost) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        Matcher started;
        while (!(started = ADMIN_STARTED.matcher(gateway.stdout())).find()) {
            assertThat(System.nanoTime()).as("Jetty's line for the started admin connector\n" + gateway.output())
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
        assertThat(started.group(1)).as("the admin connector's host").isEqualTo(expectedHost);
        return Integer.parseInt(started.group(2));
    }

    private HttpResponse<String> ping(InetAddress address, int port) throws IOException, InterruptedException {
        String host = address.getHostAddress();
        return http.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/ping")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

}
