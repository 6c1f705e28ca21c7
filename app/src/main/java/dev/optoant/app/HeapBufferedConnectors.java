package dev.optoant.app;

import io.dropwizard.core.setup.Environment;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.ContainerLifeCycle;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * Has Jetty's connectors read and write through heap buffers instead of direct ones, set before they accept a
 * connection: at 9,700 open streams Jetty's direct buffers took about 80 MiB outside the heap's bound, while on the
 * heap they count against {@code -Xmx} and measured no slower (docs/performance.md).
 */
final class HeapBufferedConnectors implements LifeCycle.Listener {
    private HeapBufferedConnectors() {
    }

    static void install(Environment environment) {
        environment.lifecycle().addEventListener(new HeapBufferedConnectors());
    }

    @Override
    public void lifeCycleStarting(LifeCycle event) {
        if (event instanceof Server server) {
            for (HttpConnectionFactory http : httpConnectionFactories(server)) {
                http.getHttpConfiguration().setUseInputDirectByteBuffers(false);
                http.getHttpConfiguration().setUseOutputDirectByteBuffers(false);
            }
        }
    }

    /** The HTTP/1 connection factories of a server's connectors, also behind Dropwizard's instrumented ones. */
    static List<HttpConnectionFactory> httpConnectionFactories(Server server) {
        List<HttpConnectionFactory> factories = new ArrayList<>();
        for (Connector connector : server.getConnectors()) {
            for (ConnectionFactory factory : connector.getConnectionFactories()) {
                HttpConnectionFactory http = factory instanceof HttpConnectionFactory direct ? direct
                        : factory instanceof ContainerLifeCycle wrapper
                                ? wrapper.getBean(HttpConnectionFactory.class) : null;
                if (http != null) {
                    factories.add(http);
                }
            }
        }
        return factories;
    }
}
