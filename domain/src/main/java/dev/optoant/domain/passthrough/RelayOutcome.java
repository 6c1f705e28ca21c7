package dev.optoant.domain.passthrough;

/** How a relayed response ended. */
public enum RelayOutcome {
    /** The whole upstream body reached the client. */
    COMPLETED,
    /** The upstream failed or went silent after the response started; the client got a truncated body. */
    UPSTREAM_FAILED,
    /** The client went away; the upstream request was aborted. */
    CLIENT_GONE
}
