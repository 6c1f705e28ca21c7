package dev.optoant.domain.port;

/** The upstream answered with a non-2xx status; carries its status and body so the caller's error can keep its message. */
public final class UpstreamStatusException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String body;
    private final String retryAfter;

    public UpstreamStatusException(int status, String body) {
        this(status, body, null);
    }

    /** @param retryAfter the upstream's {@code Retry-After} header, or null */
    public UpstreamStatusException(int status, String body, String retryAfter) {
        super("upstream answered " + status, null, false, false);
        this.status = status;
        this.body = body == null ? "" : body;
        this.retryAfter = retryAfter;
    }

    /** The raw {@code Retry-After} header, or null when the upstream sent none. */
    public String retryAfter() {
        return retryAfter;
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }
}
