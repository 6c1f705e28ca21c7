package dev.optoant.app;

/** A configuration or environment problem found at start-up, reported as one line without a stack trace. */
public final class StartupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StartupException(String message) {
        super(message, null, false, false);
    }
}
