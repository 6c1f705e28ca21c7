package dev.optoant.domain.error;

/** What went wrong, independent of the API format that will report it to the caller. */
public enum ErrorKind {
    INVALID_REQUEST,
    AUTHENTICATION,
    PERMISSION,
    NOT_FOUND,
    REQUEST_TOO_LARGE,
    RATE_LIMITED,
    UPSTREAM_UNREACHABLE,
    UPSTREAM_TIMEOUT,
    OVERLOADED,
    INTERNAL
}
