package dev.optoant.domain.error;

/** The upstream could not be connected to, so the request never left the gateway: safe to try again. */
public final class UpstreamNotReachedException extends GatewayException {
    private static final long serialVersionUID = 1L;

    public UpstreamNotReachedException(String message, Throwable cause) {
        super(ErrorKind.UPSTREAM_UNREACHABLE, message, cause);
    }
}
