package dev.optoant.upstream;

import dev.optoant.domain.error.ErrorKind;
import dev.optoant.domain.error.GatewayException;
import dev.optoant.domain.error.UpstreamNotReachedException;
import dev.optoant.domain.passthrough.BodyTooLargeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.impl.classic.RequestFailedException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;

/** Translates what the HTTP client throws before a reply arrives into the gateway's error kinds. */
final class UpstreamFailures {
    private UpstreamFailures() {
    }

    static GatewayException translate(IOException failure, String upstreamOrigin) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) {
                return new GatewayException(ErrorKind.REQUEST_TOO_LARGE, tooLarge.getMessage(), failure);
            }
        }
        if (failure instanceof ConnectionRequestTimeoutException) {
            return new GatewayException(ErrorKind.OVERLOADED,
                    "All upstream connections are busy; try again shortly", failure);
        }
        if (failure instanceof ConnectTimeoutException || failure instanceof ConnectException
                || failure instanceof NoRouteToHostException || failure instanceof UnknownHostException) {
            return new UpstreamNotReachedException(
                    "Upstream " + upstreamOrigin + " is unreachable: " + describe(failure), failure);
        }
        if (failure instanceof SocketTimeoutException) {
            return new GatewayException(ErrorKind.UPSTREAM_TIMEOUT,
                    "Upstream " + upstreamOrigin + " sent no response within the first-byte timeout", failure);
        }
        if (failure instanceof RequestFailedException) {
            return new GatewayException(ErrorKind.UPSTREAM_UNREACHABLE, "Upstream request was aborted", failure);
        }
        return new GatewayException(ErrorKind.UPSTREAM_UNREACHABLE,
                "Upstream " + upstreamOrigin + " failed: " + describe(failure), failure);
    }

    /**
     * The pool refuses leases once a shutdown's cut closed it; a call made after that (one that was waiting to retry)
     * is refused like the requests arriving during the drain.
     */
    static GatewayException poolClosed(IllegalStateException failure) {
        return new GatewayException(ErrorKind.OVERLOADED,
                "The gateway is shutting down; its upstream connections are closed", failure);
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null ? failure.getClass().getSimpleName() : message;
    }
}
