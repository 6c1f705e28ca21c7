package dev.optoant.domain.convert;

import dev.optoant.domain.error.ErrorKind;
import dev.optoant.domain.error.GatewayException;

/** Builds the 400 errors of the Anthropic lane, each naming the offending field as a dotted path. */
final class Invalid {
    private Invalid() {
    }

    static GatewayException at(String path, String message) {
        return new GatewayException(ErrorKind.INVALID_REQUEST, path + ": " + message);
    }

    static String describe(String value) {
        return value == null ? "none" : "'" + value + "'";
    }
}
