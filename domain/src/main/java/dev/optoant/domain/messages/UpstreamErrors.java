package dev.optoant.domain.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optoant.domain.error.ErrorKind;
import dev.optoant.domain.error.GatewayException;
import dev.optoant.domain.json.PooledJson;
import dev.optoant.domain.port.UpstreamStatusException;

/** Maps an upstream error status onto the caller's error kinds, keeping the upstream's own message. */
public final class UpstreamErrors {
    private static final ObjectMapper JSON = PooledJson.newMapper();
    private static final int MAX_MESSAGE_CHARS = 2000;

    private UpstreamErrors() {
    }

    public static GatewayException toGatewayException(UpstreamStatusException failure) {
        return new GatewayException(kind(failure.status()), message(failure.status(), failure.body()), failure);
    }

    static ErrorKind kind(int status) {
        return switch (status) {
            case 400, 422 -> ErrorKind.INVALID_REQUEST;
            case 401 -> ErrorKind.AUTHENTICATION;
            // DeepSeek answers 402 for an exhausted balance: a billing problem the client can't fix by retrying.
            case 402, 403 -> ErrorKind.PERMISSION;
            case 404 -> ErrorKind.NOT_FOUND;
            case 413 -> ErrorKind.REQUEST_TOO_LARGE;
            case 429 -> ErrorKind.RATE_LIMITED;
            case 503, 529 -> ErrorKind.OVERLOADED;
            case 504 -> ErrorKind.UPSTREAM_TIMEOUT;
            // A redirect (never followed) or another non-error status is the upstream misbehaving, not the client.
            default -> status >= 500 ? ErrorKind.INTERNAL
                    : status < 400 ? ErrorKind.UPSTREAM_UNREACHABLE : ErrorKind.INVALID_REQUEST;
        };
    }

    /** The upstream's {@code error.message} (or {@code message}, or the raw body), prefixed with its status. */
    static String message(int status, String body) {
        String detail = extract(body);
        if (detail.length() > MAX_MESSAGE_CHARS) {
            detail = detail.substring(0, MAX_MESSAGE_CHARS) + "…";
        }
        return detail.isEmpty() ? "Upstream answered HTTP " + status : "Upstream answered HTTP " + status + ": " + detail;
    }

    /** The message inside an upstream error object, or the raw text when it is not one. */
    public static String extract(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode root = JSON.readTree(body);
            JsonNode message = root.path("error").path("message");
            if (message.isTextual()) {
                return message.asText();
            }
            if (root.path("error").isTextual()) {
                return root.path("error").asText();
            }
            if (root.path("message").isTextual()) {
                return root.path("message").asText();
            }
        } catch (java.io.IOException | RuntimeException notJson) {
            // fall through to the raw text
        }
        return body.strip();
    }
}
