package dev.optoant.domain.error;

/** A failure the gateway reports to its caller in the caller's own API format. */
public class GatewayException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;

    public GatewayException(ErrorKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public GatewayException(ErrorKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public ErrorKind kind() {
        return kind;
    }
}
