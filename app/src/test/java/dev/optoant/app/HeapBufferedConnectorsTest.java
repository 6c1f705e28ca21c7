package dev.optoant.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The running gateway's connectors, the API's and the admin's, use heap buffers, and serve with them; so does the TLS
 * layer of an https connector (Jetty's default, which the memory figures rely on).
 */
class HeapBufferedConnectorsTest {
    private static final String STORE_PASSWORD = "changeit-test";

    @RegisterExtension
    static final StubUpstream UPSTREAM = StubUpstream.startOrFail();

    @TempDir
    Path dir;

    @Test
    void everyConnectorReadsAndWritesThroughHeapBuffers() throws Exception {
        var app = start();
        try {
            Server server = app.getEnvironment().getApplicationContext().getServer();
            assertHeapBuffered(server, 2, 0);
            HttpClient client = HttpClient.newHttpClient();
            assertThat(client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.getLocalPort()
                    + "/health")).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            assertThat(client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.getAdminPort()
                    + "/healthcheck")).build(), HttpResponse.BodyHandlers.ofString()).body()).contains("deadlocks");
        } finally {
            app.after();
        }
    }

    @Test
    void anHttpsConnectorsTlsLayerUsesHeapBuffersToo() throws Exception {
        Path keyStore = selfSignedKeyStore();
        var app = start(ConfigOverride.config("server.adminConnectors[0].type", "https"),
                ConfigOverride.config("server.adminConnectors[0].keyStorePath", keyStore.toString()),
                ConfigOverride.config("server.adminConnectors[0].keyStorePassword", STORE_PASSWORD),
                ConfigOverride.config("server.adminConnectors[0].keyStoreType", "PKCS12"));
        try {
            Server server = app.getEnvironment().getApplicationContext().getServer();
            assertHeapBuffered(server, 2, 1);
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(keyStore)).build();
            assertThat(client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + app.getAdminPort()
                    + "/healthcheck")).build(), HttpResponse.BodyHandlers.ofString()).body()).contains("deadlocks");
        } finally {
            app.after();
        }
    }

    private DropwizardAppExtension<OptoantConfiguration> start(ConfigOverride... extra) throws Exception {
        ConfigOverride[] overrides = new ConfigOverride[extra.length + 1];
        overrides[0] = ConfigOverride.config("requestLog.enabled", "false");
        System.arraycopy(extra, 0, overrides, 1, extra.length);
        var app = new DropwizardAppExtension<>(OptoantApplication.class, GatewayTestSupport.CONFIG,
                GatewayTestSupport.overrides(UPSTREAM.baseUrl(), overrides));
        app.before();
        return app;
    }

    private static void assertHeapBuffered(Server server, int httpFactories, int tlsFactories) {
        // What each new connection reads when it picks its buffers.
        List<HttpConnectionFactory> http = HeapBufferedConnectors.connectionFactories(server,
                HttpConnectionFactory.class);
        assertThat(http).hasSize(httpFactories).allSatisfy(f -> {
            assertThat(f.isUseInputDirectByteBuffers()).isFalse();
            assertThat(f.isUseOutputDirectByteBuffers()).isFalse();
        });
        List<SslConnectionFactory> tls = HeapBufferedConnectors.connectionFactories(server,
                SslConnectionFactory.class);
        assertThat(tls).hasSize(tlsFactories).allSatisfy(f -> {
            assertThat(f.isDirectBuffersForEncryption()).isFalse();
            assertThat(f.isDirectBuffersForDecryption()).isFalse();
        });
    }

    /** A PKCS12 key store with a self-signed certificate for localhost, made by the JDK's keytool. */
    private Path selfSignedKeyStore() throws Exception {
        Path store = dir.resolve("gateway.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "gateway", "-keyalg", "EC",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", STORE_PASSWORD).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(Files.exists(store)).isTrue();
        return store;
    }

    private static SSLContext trusting(Path keyStore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, STORE_PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
