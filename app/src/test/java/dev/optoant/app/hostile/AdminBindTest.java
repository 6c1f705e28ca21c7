package dev.optoant.app.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optoant.app.GatewayTestSupport;
import dev.optoant.app.OptoantApplication;
import dev.optoant.app.OptoantConfiguration;
import dev.optoant.app.StubUpstream;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With config.yml's defaults the admin port listens on loopback only, while the API port listens everywhere; and
 * the admin request-log API wants its token whichever way it is asked.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AdminBindTest {
    private static final String ADMIN_TOKEN = "admin-bind-token";
    @RegisterExtension
    static final StubUpstream UPSTREAM = StubUpstream.startOrFail();
    private static final DropwizardAppExtension<OptoantConfiguration> APP = new DropwizardAppExtension<>(
            OptoantApplication.class, GatewayTestSupport.CONFIG, GatewayTestSupport.overrides(UPSTREAM.baseUrl(),
                    ConfigOverride.config("adminApi.token", ADMIN_TOKEN)));

    @Test
    void theAdminConnectorBindsLoopbackAndTheApiConnectorEverything() {
        assertThat(connectorOn(APP.getAdminPort()).getHost()).isEqualTo("127.0.0.1");
        assertThat(connectorOn(APP.getLocalPort()).getHost()).isNull();
    }

    @Test
    void theAdminPortCannotBeReachedOnAnotherInterface() throws IOException {
        Optional<InetAddress> outside = GatewayTestSupport.nonLoopbackAddress();
        org.junit.jupiter.api.Assumptions.assumeTrue(outside.isPresent(), "this machine has no non-loopback IPv4 address");

        assertThatThrownBy(() -> connect(outside.get(), APP.getAdminPort())).isInstanceOf(IOException.class);
        connect(outside.get(), APP.getLocalPort());
    }

    @Test
    void theRequestApiRefusesEveryCallWithoutTheToken() throws IOException {
        int admin = APP.getAdminPort();
        for (String auth : new String[] {"", "Authorization: Bearer\r\n", "Authorization: Bearer wrong\r\n",
                "Authorization: Basic " + java.util.Base64.getEncoder().encodeToString(("x:" + ADMIN_TOKEN).getBytes()) + "\r\n",
                "Authorization: " + ADMIN_TOKEN + "\r\n", "X-Admin-Token: " + ADMIN_TOKEN + "\r\n",
                "Authorization: Bearer " + ADMIN_TOKEN + "x\r\n"}) {
            for (String target : new String[] {"/requests", "/requests/", "/requests/usage", "/requests?token=" + ADMIN_TOKEN,
                    "/requests/nothing"}) {
                RawResponse response = RawHttp.exchange(admin, "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + auth
                        + "Connection: close\r\n\r\n");
                assertThat(response.status()).as(target + " with '" + auth.strip() + "'").isEqualTo(401);
                assertThat(response.body()).doesNotContain("\"data\"");
            }
        }
        RawResponse allowed = RawHttp.exchange(admin, "GET /requests HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + ADMIN_TOKEN + "\r\nConnection: close\r\n\r\n");
        assertThat(allowed.status()).isEqualTo(200);
    }

    private static ServerConnector connectorOn(int port) {
        return java.util.Arrays.stream(APP.getEnvironment().getApplicationContext().getServer().getConnectors())
                .map(ServerConnector.class::cast)
                .filter(connector -> connector.getLocalPort() == port)
                .findFirst().orElseThrow();
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
        }
    }

}
