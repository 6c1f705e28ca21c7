package dev.optoant.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optoant.domain.log.RequestLogEntry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A failure that escapes the servlet is answered 500 by the server after {@link RequestLogFilter} has returned; the
 * request's one row must say so, not keep the 200 the response held while the exception passed through.
 */
class RequestLogFilterFailureTest {
    private final List<RequestLogEntry> rows = new CopyOnWriteArrayList<>();
    private Server server;

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void anEscapedFailureIsOneRowWithTheServersStatusAndAnError() throws Exception {
        int port = start(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) {
                throw new IllegalStateException("unexpected");
            }
        });

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/models")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("\"error\"").doesNotContain("unexpected");
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo(500);
            assertThat(row.errorType()).isEqualTo("server_error");
            assertThat(row.path()).isEqualTo("/v1/models");
        });
    }

    private int start(HttpServlet servlet) throws Exception {
        server = new Server(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        ServletContextHandler context = new ServletContextHandler();
        context.addFilter(new FilterHolder(new RequestLogFilter(rows::add)), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(servlet), "/v1/*");
        GatewayErrorHandler errors = new GatewayErrorHandler(rows::add);
        context.setErrorHandler(errors);
        server.setErrorHandler(errors);
        server.setHandler(context);
        server.start();
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }
}
