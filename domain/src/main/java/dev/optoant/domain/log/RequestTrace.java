package dev.optoant.domain.log;

import dev.optoant.domain.openai.ChatUsage;
import java.time.Instant;
import java.util.UUID;

/**
 * What one request has shown so far, filled in by the adapter that received it and by the use case that served it;
 * {@link #finish} turns it into the log entry. Written by the request's own thread only.
 */
public final class RequestTrace {
    private static final int MAX_ERROR_MESSAGE_CHARS = 2000;

    private final UUID id = TimeOrderedIds.next();
    private final Instant startedAt = Instant.now();
    private final long startNanos = System.nanoTime();
    private final String api;
    private final String method;
    private final String path;
    private final String clientAddress;
    private final String userAgent;
    private final StreamsInFlight streams;
    private boolean streamOpen;
    private String apiKeyFingerprint;
    private String requestedModel;
    private String upstreamModel;
    private boolean streaming;
    private long firstByteNanos = -1;
    private int upstreamAttempts;
    private ChatUsage usage;
    private String errorType;
    private String errorMessage;
    private String requestBody;
    private String responseBody;

    public RequestTrace(String api, String method, String path, String clientAddress, String userAgent) {
        this(api, method, path, clientAddress, userAgent, StreamsInFlight.NONE);
    }

    /** A trace that tells {@code streams} when the request turns out to be a stream and when it finishes. */
    public RequestTrace(String api, String method, String path, String clientAddress, String userAgent,
            StreamsInFlight streams) {
        this.api = api;
        this.streams = streams;
        this.method = method;
        this.path = path;
        this.clientAddress = clientAddress;
        this.userAgent = userAgent;
    }

    /** A trace nobody will record, for callers that don't log. */
    public static RequestTrace detached() {
        return new RequestTrace("none", "", "", null, null);
    }

    public void credential(String key) {
        this.apiKeyFingerprint = KeyFingerprint.of(key);
    }

    public void requested(String model, boolean stream) {
        this.requestedModel = model;
        this.streaming = stream;
        if (stream && !streamOpen) {
            streamOpen = true;
            streams.opened(api);
        }
    }

    public void upstreamModel(String model) {
        this.upstreamModel = model;
    }

    /** Counts one call to the upstream, made just now; a retry is one more. */
    public void upstreamAttempt() {
        upstreamAttempts++;
    }

    /** Marks the moment the upstream's answer began. */
    public void firstByte() {
        if (firstByteNanos < 0) {
            firstByteNanos = System.nanoTime();
        }
    }

    public void usage(ChatUsage reported) {
        if (reported != null) {
            this.usage = reported;
        }
    }

    /** Records the error the client saw; the first one wins. */
    public void error(String type, String message) {
        if (errorType == null) {
            errorType = type;
            errorMessage = message == null || message.length() <= MAX_ERROR_MESSAGE_CHARS
                    ? message : message.substring(0, MAX_ERROR_MESSAGE_CHARS) + "…";
        }
    }

    /** Keeps (capped) request and response bodies, for deployments that switched body capture on. */
    public void bodies(String request, String response) {
        this.requestBody = request;
        this.responseBody = response;
    }

    public boolean hasError() {
        return errorType != null;
    }

    public String api() {
        return api;
    }

    public RequestLogEntry finish(int status) {
        long now = System.nanoTime();
        if (streamOpen) {
            streamOpen = false;
            streams.closed(api);
        }
        return new RequestLogEntry(id, startedAt, api, method, path, requestedModel,
                upstreamModel == null ? requestedModel : upstreamModel, streaming, status, errorType, errorMessage,
                (now - startNanos) / 1000, firstByteNanos < 0 ? null : (firstByteNanos - startNanos) / 1000,
                upstreamAttempts,
                usage == null ? null : usage.promptTokens(), usage == null ? null : usage.completionTokens(),
                usage == null ? null : usage.cached(), usage == null ? null : usage.reasoning(),
                clientAddress, userAgent, apiKeyFingerprint, requestBody, responseBody);
    }
}
