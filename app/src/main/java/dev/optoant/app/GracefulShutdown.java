package dev.optoant.app;

import dev.optoant.domain.log.RequestLogStore;
import dev.optoant.upstream.UpstreamConnections;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.setup.Environment;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the server when it stops (SIGTERM included): new connections are refused at once, requests in flight,
 * streams included, get {@code server.shutdownGracePeriod} to finish, then the upstream exchanges still open are cut
 * so their streams end, and the log rows of those requests say {@value #ERROR_TYPE}.
 *
 * <p>Jetty's own graceful stop ({@code Server.stopTimeout}, Dropwizard's {@code GracefulHandler}) waits for the
 * requests and answers 503 to new ones on open connections; only afterwards does it stop the managed objects, the
 * request log writer among them, so the rows of drained and cut requests are flushed. This class adds what Jetty
 * leaves out: closing the listening sockets (Jetty only stops accepting, so new clients would hang in the backlog)
 * and ending streams at the grace period (Jetty would close the client connections with the request threads still
 * blocked on the upstream, and their rows would come after the writer stopped).
 */
final class GracefulShutdown implements LifeCycle.Listener {
    static final String ERROR_TYPE = "gateway_shutdown";
    /** Time the cut requests get to end their responses and record their rows. */
    private static final Duration CUT_ALLOWANCE = Duration.ofSeconds(5);
    private static final Duration DEFAULT_GRACE = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);

    private final Duration grace;
    private final Runnable cutUpstream;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean cut;

    private GracefulShutdown(Duration grace, Runnable cutUpstream) {
        this.grace = grace;
        this.cutUpstream = cutUpstream;
    }

    /** Hooks the drain into the server's lifecycle; returns it for {@link #labelling}. */
    static GracefulShutdown install(OptoantConfiguration config, Environment environment,
            UpstreamConnections upstream) {
        GracefulShutdown shutdown = new GracefulShutdown(gracePeriod(config), upstream::abortAll);
        environment.lifecycle().addEventListener(shutdown);
        return shutdown;
    }

    /** An upper bound for the whole stop: draining, cutting, flushing the request log, plus a margin. */
    static Duration longestStop(OptoantConfiguration config) {
        return gracePeriod(config).plus(CUT_ALLOWANCE).plus(config.requestLog().shutdownFlushTimeout())
                .plus(Duration.ofMinutes(1));
    }

    private static Duration gracePeriod(OptoantConfiguration config) {
        return config.getServerFactory() instanceof AbstractServerFactory server
                ? server.getShutdownGracePeriod().toJavaDuration() : DEFAULT_GRACE;
    }

    /** The request log as seen by requests: entries that failed because of the cut are labelled as such. */
    RequestLogStore labelling(RequestLogStore store) {
        return entry -> store.record(cut && entry.errorType() != null
                ? entry.withError(ERROR_TYPE, "The gateway shut down before the response ended (" + entry.errorType()
                        + ": " + entry.errorMessage() + ")")
                : entry);
    }

    @Override
    public void lifeCycleStarting(LifeCycle event) {
        if (event instanceof Server server) {
            server.setStopTimeout(grace.plus(CUT_ALLOWANCE).toMillis());
        }
    }

    @Override
    public void lifeCycleStopping(LifeCycle event) {
        if (!(event instanceof Server server)) {
            return;
        }
        GracefulHandler requests = server.getDescendant(GracefulHandler.class);
        LOG.info("Shutting down: new connections are refused, {} requests in flight have up to {} to finish",
                requests == null ? "the" : requests.getCurrentRequestCount(), grace);
        for (Connector connector : server.getConnectors()) {
            if (connector instanceof NetworkConnector listening) {
                listening.close();
            }
        }
        Thread.ofPlatform().daemon().name("shutdown-grace").start(() -> cutAfterGrace(requests));
    }

    @Override
    public void lifeCycleStopped(LifeCycle event) {
        if (event instanceof Server) {
            stopped.countDown();
        }
    }

    private void cutAfterGrace(GracefulHandler requests) {
        try {
            if (stopped.await(grace.toNanos(), TimeUnit.NANOSECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long running = requests == null ? -1 : requests.getCurrentRequestCount();
        if (running == 0) {
            return;
        }
        cut = true;
        LOG.warn("Shutdown grace period of {} is over: cutting the upstream exchanges of {} requests still running",
                grace, running < 0 ? "the" : running);
        cutUpstream.run();
    }
}
