package dev.optoant.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.optoant.domain.error.ErrorKind;
import dev.optoant.domain.json.PooledJson;
import java.nio.charset.StandardCharsets;

/** The gateway's own error bodies in the shape each API's clients parse. */
public enum ErrorFormat {
    /** {@code {"error":{"message","type","code"}}}. */
    OPENAI,
    /** {@code {"type":"error","error":{"type","message"}}}. */
    ANTHROPIC;

    private static final ObjectMapper JSON = PooledJson.newMapper();

    /** The format a client of this raw request path expects. */
    public static ErrorFormat forPath(String rawPath) {
        boolean anthropic = rawPath != null
                && (rawPath.equals("/anthropic") || rawPath.startsWith("/anthropic/"));
        return anthropic ? ANTHROPIC : OPENAI;
    }

    public int status(ErrorKind kind) {
        return switch (kind) {
            case INVALID_REQUEST -> 400;
            case AUTHENTICATION -> 401;
            case PERMISSION -> 403;
            case NOT_FOUND -> 404;
            case REQUEST_TOO_LARGE -> 413;
            case RATE_LIMITED -> 429;
            case INTERNAL -> 500;
            case UPSTREAM_UNREACHABLE -> 502;
            case OVERLOADED -> this == ANTHROPIC ? 529 : 503;
            case UPSTREAM_TIMEOUT -> 504;
        };
    }

    public byte[] body(ErrorKind kind, String message) {
        ObjectNode root = JSON.createObjectNode();
        if (this == OPENAI) {
            root.putObject("error").put("message", message).put("type", openAiType(kind)).put("code", openAiCode(kind));
        } else {
            root.put("type", "error");
            root.putObject("error").put("type", anthropicType(kind)).put("message", message);
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an ObjectNode always serializes", e);
        }
    }

    /** The error type a client of this format sees for the kind. */
    public String type(ErrorKind kind) {
        return this == OPENAI ? openAiType(kind) : anthropicType(kind);
    }

    public String contentType() {
        return "application/json";
    }

    private static String openAiType(ErrorKind kind) {
        return switch (kind) {
            case INVALID_REQUEST, NOT_FOUND, REQUEST_TOO_LARGE -> "invalid_request_error";
            case AUTHENTICATION -> "authentication_error";
            case PERMISSION -> "permission_error";
            case RATE_LIMITED -> "rate_limit_error";
            case INTERNAL, OVERLOADED -> "server_error";
            case UPSTREAM_UNREACHABLE, UPSTREAM_TIMEOUT -> "upstream_error";
        };
    }

    private static String openAiCode(ErrorKind kind) {
        return switch (kind) {
            case INVALID_REQUEST -> "invalid_request";
            case AUTHENTICATION -> "invalid_api_key";
            case PERMISSION -> "permission_denied";
            case NOT_FOUND -> "not_found";
            case REQUEST_TOO_LARGE -> "request_too_large";
            case RATE_LIMITED -> "rate_limit_exceeded";
            case INTERNAL -> "internal_error";
            case UPSTREAM_UNREACHABLE -> "upstream_unreachable";
            case OVERLOADED -> "overloaded";
            case UPSTREAM_TIMEOUT -> "upstream_timeout";
        };
    }

    private static String anthropicType(ErrorKind kind) {
        return switch (kind) {
            case INVALID_REQUEST -> "invalid_request_error";
            case AUTHENTICATION -> "authentication_error";
            case PERMISSION -> "permission_error";
            case NOT_FOUND -> "not_found_error";
            case REQUEST_TOO_LARGE -> "request_too_large";
            case RATE_LIMITED -> "rate_limit_error";
            case INTERNAL, UPSTREAM_UNREACHABLE, UPSTREAM_TIMEOUT -> "api_error";
            case OVERLOADED -> "overloaded_error";
        };
    }

    /** The closest kind for a status the HTTP server chose itself (bad URI, method not allowed, ...). */
    public static ErrorKind kindOf(int status) {
        return switch (status) {
            case 401 -> ErrorKind.AUTHENTICATION;
            case 403 -> ErrorKind.PERMISSION;
            case 404 -> ErrorKind.NOT_FOUND;
            case 413 -> ErrorKind.REQUEST_TOO_LARGE;
            case 429 -> ErrorKind.RATE_LIMITED;
            case 502 -> ErrorKind.UPSTREAM_UNREACHABLE;
            case 503, 529 -> ErrorKind.OVERLOADED;
            case 504 -> ErrorKind.UPSTREAM_TIMEOUT;
            default -> status >= 500 ? ErrorKind.INTERNAL : ErrorKind.INVALID_REQUEST;
        };
    }
}
