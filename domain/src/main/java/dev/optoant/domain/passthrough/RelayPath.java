package dev.optoant.domain.passthrough;

import dev.optoant.domain.error.ErrorKind;
import dev.optoant.domain.error.GatewayException;
import java.util.Locale;

/** Checks that a raw request path stays inside its API prefix before it is forwarded. */
public final class RelayPath {
    private RelayPath() {
    }

    /**
     * Accepts the raw (still percent-encoded) path when it starts with {@code prefix + "/"} and no segment
     * could move it elsewhere: dot segments, encoded dots or slashes, backslashes, control characters, and the
     * {@code ?} and {@code #} that would cut the path short once it is part of a URL.
     */
    public static String requireInside(String rawPath, String prefix) {
        if (rawPath == null || !rawPath.startsWith(prefix + "/")) {
            throw invalid("path must start with " + prefix + "/");
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%2e") || lower.contains("%00")
                || rawPath.indexOf('\\') >= 0 || rawPath.contains("//")) {
            throw invalid("path must not contain encoded slashes, encoded dots, backslashes or empty segments");
        }
        // Once joined into a URL, "?" or "#" would end the path there: "/v1/..?x" would become "/v1/..".
        if (rawPath.indexOf('?') >= 0 || rawPath.indexOf('#') >= 0) {
            throw invalid("path must not contain '?' or '#'");
        }
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c < 0x21 || c == 0x7f) {
                throw invalid("path must not contain spaces or control characters");
            }
        }
        if (hasDotSegment(rawPath)) {
            throw invalid("path must not contain '.' or '..' segments");
        }
        return rawPath;
    }

    /** Whether a raw path holds a {@code .} or {@code ..} segment, also in the {@code ..;param} form. */
    public static boolean hasDotSegment(String rawPath) {
        if (rawPath == null || rawPath.indexOf('.') < 0) {
            return false;
        }
        for (String segment : rawPath.split("/", -1)) {
            // Servlet containers and Spring drop ";parameters" before normalising, so "..;x" acts as "..".
            int parameters = segment.indexOf(';');
            String name = parameters < 0 ? segment : segment.substring(0, parameters);
            if (name.equals(".") || name.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private static GatewayException invalid(String message) {
        return new GatewayException(ErrorKind.INVALID_REQUEST, "Invalid path: " + message);
    }
}
