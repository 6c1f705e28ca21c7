package dev.optoant.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The running gateway's connectors, the API's and the admin's, use heap buffers, and serve with them. */
@ExtendWith(DropwizardExtensionsSupport.class)
class HeapBufferedConnectorsTest {
    @RegisterExtension
    static final StubUpstream UPSTREAM = StubUpstream.startOrFail();
    private static final DropwizardAppExtension<OptoantConfiguration> APP = new DropwizardAppExtension<>(
            OptoantApplication.class, GatewayTestSupport.CONFIG, GatewayTestSupport.overrides(UPSTREAM.baseUrl(),
                    ConfigOverride.config("requestLog.enabled", "false")));

    @Test
    void everyConnectorReadsAndWritesThroughHeapBuffers() throws Exception {
        List<HttpConnectionFactory> factories = HeapBufferedConnectors.httpConnectionFactories(
                APP.getEnvironment().getApplicationContext().getServer());

        // What each new connection reads when it picks its buffers.
        assertThat(factories).hasSize(2).allSatisfy(http -> {
            assertThat(http.isUseInputDirectByteBuffers()).isFalse();
            assertThat(http.isUseOutputDirectByteBuffers()).isFalse();
        });
        HttpClient client = HttpClient.newHttpClient();
        assertThat(client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + APP.getLocalPort() + "/health"))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + APP.getAdminPort()
                + "/healthcheck")).build(), HttpResponse.BodyHandlers.ofString()).body()).contains("deadlocks");
    }
}
