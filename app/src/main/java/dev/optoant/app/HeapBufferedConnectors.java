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
 * heap they count against {@code -Xmx} and measured no slower (docs/performance.md). An https connector's TLS layer
 * already uses heap buffers by Jetty's default.
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
            for (HttpConnectionFactory http : connectionFactories(server, HttpConnectionFactory.class)) {
                http.getHttpConfiguration().setUseInputDirectByteBuffers(false);
                http.getHttpConfiguration().setUseOutputDirectByteBuffers(false);
            }
        }
    }

    /** A server's connection factories of one type, also those behind Dropwizard's instrumented ones. */
    static <T extends ConnectionFactory> List<T> connectionFactories(Server server, Class<T> type) {
        List<T> factories = new ArrayList<>();
        for (Connector connector : server.getConnectors()) {
            for (ConnectionFactory factory : connector.getConnectionFactories()) {
                T found = type.isInstance(factory) ? type.cast(factory)
                        : factory instanceof ContainerLifeCycle wrapper ? wrapper.getBean(type) : null;
                if (found != null) {
                    factories.add(found);
                }
            }
        }
        return factories;
    }
}
