package dev.optoant.domain.log;

import java.time.Instant;
import java.util.UUID;

/**
 * One request through either API, as the request log keeps it. Secrets never get here: the client's key is only a
 * {@link KeyFingerprint}, and bodies (when captured at all) are stored without headers.
 *
 * @param id time-ordered (UUIDv7) identifier; inserting the same id twice keeps one row
 * @param api {@code openai} or {@code anthropic}
 * @param requestedModel the model the client named; null when the body had none
 * @param upstreamModel the model sent upstream (the same for the passthrough)
 * @param errorType the error type the client saw ({@code invalid_request_error}, {@code upstream_timeout}, ...)
 * @param latencyMicros from the request's arrival to the end of the response
 * @param firstByteMicros from the request's arrival to the upstream's first byte; null when the upstream wasn't reached
 * @param upstreamAttempts calls made to the upstream, retries included; 0 when it was never called (a request refused
 *     before that), null in entries written before the gateway counted them
 * @param apiKeyFingerprint short hash of the client's credential, or null
 */
public record RequestLogEntry(
        UUID id,
        Instant startedAt,
        String api,
        String method,
        String path,
        String requestedModel,
        String upstreamModel,
        boolean streaming,
        int status,
        String errorType,
        String errorMessage,
        long latencyMicros,
        Long firstByteMicros,
        Integer upstreamAttempts,
        Long inputTokens,
        Long outputTokens,
        Long cachedTokens,
        Long reasoningTokens,
        String clientAddress,
        String userAgent,
        String apiKeyFingerprint,
        String requestBody,
        String responseBody) {

    /** The same entry with another error, for causes only known after the request ended. */
    public RequestLogEntry withError(String type, String message) {
        return new RequestLogEntry(id, startedAt, api, method, path, requestedModel, upstreamModel, streaming, status,
                type, message, latencyMicros, firstByteMicros, upstreamAttempts, inputTokens, outputTokens, cachedTokens,
                reasoningTokens, clientAddress, userAgent, apiKeyFingerprint, requestBody, responseBody);
    }
}
