package dev.optoant.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optoant.domain.log.RequestLogEntry;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The database goes away while requests keep coming, and the gateway restarts with a journal: no row lost or doubled. */
class RequestLogOutageTest {
    private static final String COMPLETION = "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},"
            + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1}}";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Path data = GatewayTestSupport.freshDataDirectory();
    private final int dbPort = GatewayTestSupport.freePort();
    private final StubUpstream upstream = StubUpstream.startOrFail();
    private EmbeddedPostgres database;

    @AfterEach
    void stopEverything() throws IOException {
        upstream.close();
        if (database != null) {
            database.close();
        }
    }

    private void startDatabase() throws IOException {
        database = EmbeddedPostgres.builder().setDataDirectory(data.resolve("external-postgres"))
                .setCleanDataDirectory(false).setPort(dbPort).start();
    }

    private void stopDatabase() throws IOException {
        database.close();
        database = null;
    }

    private DropwizardAppExtension<OptoantConfiguration> gateway() throws Exception {
        var app = new DropwizardAppExtension<>(OptoantApplication.class, GatewayTestSupport.CONFIG,
                GatewayTestSupport.overrides(upstream.baseUrl(), data,
                        ConfigOverride.config("database.dsn",
                                "postgres://postgres@localhost:" + dbPort + "/postgres?sslmode=disable&connect_timeout=2"),
                        ConfigOverride.config("requestLog.flushInterval", "20ms")));
        app.before();
        return app;
    }

    private void sendRequests(DropwizardAppExtension<OptoantConfiguration> app, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + app.getLocalPort() + "/v1/chat/completions"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"messages\":[]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("requests succeed whatever the database does").isEqualTo(200);
        }
    }

    private static void assertNoDuplicates(List<RequestLogEntry> rows) {
        Set<UUID> ids = new HashSet<>();
        rows.forEach(row -> assertThat(ids.add(row.id())).as("duplicate row " + row.id()).isTrue());
    }

    @Test
    void databaseStoppedMidRunLosesNothing() throws Exception {
        upstream.route("/v1/chat/completions", ex -> StubUpstream.send(ex, 200, "application/json", COMPLETION));
        startDatabase();
        var app = gateway();
        try {
            sendRequests(app, 20);
            stopDatabase();
            sendRequests(app, 30);
            startDatabase();
            sendRequests(app, 10);

            List<RequestLogEntry> rows = GatewayTestSupport.awaitLogRows(dbPort, 60);

            assertThat(rows).hasSize(60);
            assertNoDuplicates(rows);
            assertThat(rows).allSatisfy(row -> assertThat(row.inputTokens()).isEqualTo(3));
        } finally {
            app.after();
        }
    }

    @Test
    void journalLeftAtShutdownIsReplayedByTheNextGateway() throws Exception {
        upstream.route("/v1/chat/completions", ex -> StubUpstream.send(ex, 200, "application/json", COMPLETION));
        startDatabase();
        var first = gateway();
        try {
            sendRequests(first, 5);
            assertThat(GatewayTestSupport.awaitLogRows(dbPort, 5)).hasSize(5);
            stopDatabase();
            sendRequests(first, 15);
        } finally {
            first.after();
        }
        try (var files = java.nio.file.Files.list(data.resolve("journal"))) {
            assertThat(files.toList()).as("the first gateway left a journal").isNotEmpty();
        }

        startDatabase();
        var second = gateway();
        try {
            List<RequestLogEntry> rows = GatewayTestSupport.awaitLogRows(dbPort, 20);
            assertThat(rows).hasSize(20);
            assertNoDuplicates(rows);
        } finally {
            second.after();
        }
    }
}
