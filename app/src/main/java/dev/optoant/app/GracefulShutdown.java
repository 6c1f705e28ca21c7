package dev.optoant.app;

import dev.optoant.domain.log.RequestLogStore;
import dev.optoant.domain.resilience.Retrier;
import dev.optoant.upstream.UpstreamConnections;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.setup.Environment;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the server when it stops (SIGTERM included) and ends streams that outlast {@code server.shutdownGracePeriod}.
 *
 * <p>Jetty's graceful stop does the first part: its connectors close their listening sockets (new connections are
 * refused), Dropwizard's {@code GracefulHandler} answers 503 to new requests on open connections, and the server
 * waits up to its stop timeout for the requests in flight, streams included, before it stops the managed objects,
 * the request log writer among them, which then flushes their rows. At the end of the wait, though, Jetty would
 * close the client connections while the request threads are still blocked on the upstream, and their rows would
 * arrive after the writer stopped. So at the end of the grace period this class cuts the upstream exchanges still
 * open, and ends the waits of requests about to retry: each stream ends at once (an {@code error} event on the
 * Anthropic lane, an early end on the passthrough), a waiting request answers its last failure,
 * its row is recorded with the error type {@value #ERROR_TYPE}, and Jetty's stop timeout, extended by a short
 * allowance, covers that ending.
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
            UpstreamConnections upstream, Retrier retries) {
        GracefulShutdown shutdown = new GracefulShutdown(gracePeriod(config), () -> {
            // A request waiting to retry would otherwise wake after the server stopped, with nowhere to log its row.
            retries.stop();
            upstream.abortAll();
        });
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
                requests == null ? "the" : requests.getCurrentRequestCount(), human(grace));
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
                human(grace), running < 0 ? "the" : running);
        cutUpstream.run();
    }

    private static String human(Duration duration) {
        return duration.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }
}
