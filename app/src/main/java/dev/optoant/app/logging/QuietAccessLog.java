package dev.optoant.app.logging;

import ch.qos.logback.access.jetty.RequestLogImpl;
import ch.qos.logback.core.status.Status;
import io.dropwizard.core.setup.Environment;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps logback-access from printing its status list to stdout at start (it always warns that its jars' versions
 * differ, reading a manifest entry they lack), which would break JSON-lines output; real errors go to the log.
 */
public final class QuietAccessLog implements LifeCycle.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(QuietAccessLog.class);

    private QuietAccessLog() {
    }

    public static void install(Environment environment) {
        environment.lifecycle().addEventListener(new QuietAccessLog());
    }

    @Override
    public void lifeCycleStarting(LifeCycle event) {
        if (event instanceof Server server && server.getRequestLog() instanceof RequestLogImpl accessLog) {
            accessLog.setQuiet(true);
        }
    }

    @Override
    public void lifeCycleStarted(LifeCycle event) {
        if (event instanceof Server server && server.getRequestLog() instanceof RequestLogImpl accessLog) {
            for (Status status : accessLog.getStatusManager().getCopyOfStatusList()) {
                if (status.getLevel() >= Status.ERROR) {
                    LOG.error("access log: {}", status.getMessage(), status.getThrowable());
                }
            }
        }
    }
}
