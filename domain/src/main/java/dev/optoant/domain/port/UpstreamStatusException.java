package dev.optoant.domain.port;

/** The upstream answered with a non-2xx status; carries its status and body so the caller's error can keep its message. */
public final class UpstreamStatusException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String body;

    public UpstreamStatusException(int status, String body) {
        super("upstream answered " + status, null, false, false);
        this.status = status;
        this.body = body == null ? "" : body;
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }
}
