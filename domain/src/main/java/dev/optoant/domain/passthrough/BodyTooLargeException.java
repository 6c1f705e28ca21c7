package dev.optoant.domain.passthrough;

import java.io.IOException;

/** Raised while reading a request body that grows past the configured limit. */
public final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    public BodyTooLargeException(long limit) {
        super("Request body exceeds the limit of " + limit + " bytes");
    }
}
