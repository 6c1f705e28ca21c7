package dev.optoant.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** The real gateway in its own JVM, started from the repository's {@code config.yml} as an operator would run it. */
final class GatewayProcess implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(120);

    private final Process process;
    private final int port;
    private final Path stdout;
    private final Path stderr;
    private final Path data;

    private GatewayProcess(Process process, int port, Path data, Path stdout, Path stderr) {
        this.process = process;
        this.data = data;
        this.port = port;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * Starts the gateway on a free port with a fresh data directory plus the given environment, and returns once it
     * answers {@code /health}.
     */
    static GatewayProcess startAndAwait(Map<String, String> env) throws IOException, InterruptedException {
        Path data = GatewayTestSupport.freshDataDirectory();
        int port = portOutsideTheEphemeralRange();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                OptoantApplication.class.getName(), "server", GatewayTestSupport.CONFIG);
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("ADMIN_PORT", "0");
        builder.environment().put("OPTOANT_DATA_DIR", data.toString());
        builder.environment().putAll(env);
        Path stdout = data.resolve("stdout.log");
        Path stderr = data.resolve("stderr.log");
        builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        GatewayProcess gateway = new GatewayProcess(builder.start(), port, data, stdout, stderr);
        gateway.awaitHealthy();
        return gateway;
    }

    int port() {
        return port;
    }

    /**
     * A free port below the ephemeral range (32768 and up on Linux, 49152 and up elsewhere): a port the kernel hands
     * out (as {@link GatewayTestSupport#freePort()} does) can be taken by any outgoing connection in the seconds the
     * new JVM needs to bind it, which on a machine busy with many connections makes the start fail now and then.
     */
    private static int portOutsideTheEphemeralRange() {
        for (int tries = 0; tries < 100; tries++) {
            int candidate = ThreadLocalRandom.current().nextInt(20_000, 32_768);
            try (ServerSocket socket = new ServerSocket(candidate)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        return GatewayTestSupport.freePort();
    }

    /** {@code OPTOANT_DATA_DIR}: the embedded database and the journal. */
    Path dataDirectory() {
        return data;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Sends SIGTERM, as an orchestrator does. */
    void terminate() {
        process.destroy();
    }

    boolean awaitExit(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether a TCP connection to the application port is refused right now. */
    boolean refusesConnections() {
        try {
            new Socket("127.0.0.1", port).close();
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String stdout() {
        return read(stdout);
    }

    /** Both streams, for assertion messages. */
    String output() {
        return "--- stdout\n" + read(stdout) + "\n--- stderr\n" + read(stderr);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitHealthy() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the gateway exited with " + process.exitValue() + "\n" + output());
            }
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(uri("/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        close();
        throw new AssertionError("the gateway did not become healthy\n" + output());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
