package dev.optoant.persistence;

/** A request-log database operation failed; the {@link java.sql.SQLException} is the cause. */
public final class RequestLogStorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RequestLogStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
