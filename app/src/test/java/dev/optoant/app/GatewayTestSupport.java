package dev.optoant.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optoant.domain.log.RequestLogEntry;
import dev.optoant.domain.log.RequestLogFilter;
import dev.optoant.persistence.PostgresRequestLogStore;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;

/** Starts the real application from the repository's own {@code config.yml} with test overrides. */
public final class GatewayTestSupport {
    public static final String CONFIG = Path.of("..", "config.yml").toAbsolutePath().normalize().toString();

    private GatewayTestSupport() {
    }

    /**
     * The real application against {@code upstreamBaseUrl} with {@link #overrides(String, ConfigOverride...)}, its
     * embedded database on a free port of its own so that {@link #awaitLogRows(DropwizardAppExtension, int)} can read
     * the rows it logged.
     */
    public static DropwizardAppExtension<OptoantConfiguration> appWithRequestLog(String upstreamBaseUrl,
            ConfigOverride... extra) {
        List<ConfigOverride> all = new ArrayList<>(
                List.of(ConfigOverride.config("database.embeddedPort", String.valueOf(freePort()))));
        all.addAll(List.of(extra));
        return new DropwizardAppExtension<>(OptoantApplication.class, CONFIG,
                overrides(upstreamBaseUrl, all.toArray(ConfigOverride[]::new)));
    }

    /** The port of the embedded database of an application built by {@link #appWithRequestLog}. */
    public static int databasePort(DropwizardAppExtension<OptoantConfiguration> app) {
        return app.getConfiguration().database().embeddedPort();
    }

    /** {@link #awaitLogRows(int, int)} on the embedded database of an application built by {@link #appWithRequestLog}. */
    public static List<RequestLogEntry> awaitLogRows(DropwizardAppExtension<OptoantConfiguration> app, int expected)
            throws InterruptedException {
        return awaitLogRows(databasePort(app), expected);
    }

    /** Random ports, the given upstream, a fresh data directory, plus any extra overrides. */
    public static ConfigOverride[] overrides(String upstreamBaseUrl, ConfigOverride... extra) {
        return overrides(upstreamBaseUrl, freshDataDirectory(), extra);
    }

    /** As {@link #overrides(String, ConfigOverride...)} with a given data directory (journal and embedded database). */
    public static ConfigOverride[] overrides(String upstreamBaseUrl, Path data, ConfigOverride... extra) {
        List<ConfigOverride> all = new ArrayList<>(List.of(
                ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                ConfigOverride.config("server.adminConnectors[0].port", "0"),
                ConfigOverride.config("upstream.baseUrl", upstreamBaseUrl),
                ConfigOverride.config("database.embeddedDirectory", data.resolve("postgres").toString()),
                ConfigOverride.config("requestLog.journalDirectory", data.resolve("journal").toString())));
        all.addAll(List.of(extra));
        return all.toArray(ConfigOverride[]::new);
    }

    /** A new directory under target/, so runs never share a database or a journal. */
    public static Path freshDataDirectory() {
        try {
            Path target = Path.of("target", "gateway-data");
            Files.createDirectories(target);
            return Files.createTempDirectory(target.toAbsolutePath(), "run-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Polls the request log in the PostgreSQL on {@code dbPort} until it holds {@code expected} rows (30 s at most),
     * waits a little longer so that extra rows would show, and returns them newest first.
     */
    public static List<RequestLogEntry> awaitLogRows(int dbPort, int expected) throws InterruptedException {
        PostgresRequestLogStore store = new PostgresRequestLogStore(
                Jdbi.create("jdbc:postgresql://localhost:" + dbPort + "/postgres", "postgres", ""));
        RequestLogFilter all = new RequestLogFilter(null, null, null, null, null, false, null, 1000);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (store.find(all).size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(25);
        }
        Thread.sleep(300);
        return store.find(all);
    }

    /** A TCP port that was free a moment ago. */
    /**
     * Polls the app's upstream-pool and concurrency gauges until none holds anything (10 s at most), then asserts
     * they are all 0.
     */
    public static void awaitNothingHeld(DropwizardAppExtension<OptoantConfiguration> app) throws InterruptedException {
        var gauges = app.getEnvironment().metrics().getGauges();
        List<String> names = List.of("upstream.connections.leased", "gateway.requests.active", "gateway.streams.active");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (names.stream().anyMatch(name -> !Integer.valueOf(0).equals(gauges.get(name).getValue()))
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        for (String name : names) {
            assertThat(gauges.get(name).getValue()).as(name).isEqualTo(0);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An IPv4 address of this machine that is neither loopback nor link-local, if it has one. */
    public static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(nic -> {
                    try {
                        return nic.isUp() && !nic.isLoopback();
                    } catch (SocketException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress()
                        && !address.isLinkLocalAddress())
                .findFirst();
    }
}
