package dev.optoant.domain.passthrough;

import java.util.Optional;

/**
 * Passthrough policy.
 *
 * @param pathPrefix the API prefix a path must stay under, e.g. {@code /v1}
 * @param upstreamApiKey when present, replaces whatever credential the client sent
 * @param maxBodyBytes largest request body accepted
 * @param captureBodies whether the request log keeps the first 16 KiB of the request and the last of the response
 */
public record PassthroughSettings(
        String pathPrefix, Optional<String> upstreamApiKey, long maxBodyBytes, boolean captureBodies) {
    public PassthroughSettings {
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
    }

    /** Settings that keep no bodies in the request log. */
    public PassthroughSettings(String pathPrefix, Optional<String> upstreamApiKey, long maxBodyBytes) {
        this(pathPrefix, upstreamApiKey, maxBodyBytes, false);
    }
}
