package dev.optoant.domain.passthrough;

import java.util.Optional;

/**
 * Passthrough policy.
 *
 * @param pathPrefix the API prefix a path must stay under, e.g. {@code /v1}
 * @param upstreamApiKey when present, replaces whatever credential the client sent
 * @param maxBodyBytes largest request body accepted
 */
public record PassthroughSettings(String pathPrefix, Optional<String> upstreamApiKey, long maxBodyBytes) {
    public PassthroughSettings {
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
    }
}
