package dev.optoant.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optoant.domain.error.ErrorKind;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link ErrorFormat}: HTTP status per error kind and format, the reverse mapping, and the format chosen per path. */
class ErrorFormatStatusTest {
    private static final String TABLE = """
            INVALID_REQUEST,      400, 400
            AUTHENTICATION,       401, 401
            PERMISSION,           403, 403
            NOT_FOUND,            404, 404
            REQUEST_TOO_LARGE,    413, 413
            RATE_LIMITED,         429, 429
            INTERNAL,             500, 500
            UPSTREAM_UNREACHABLE, 502, 502
            OVERLOADED,           503, 529
            UPSTREAM_TIMEOUT,     504, 504
            """;

    @ParameterizedTest
    @CsvSource(textBlock = TABLE)
    void statusPerKind(ErrorKind kind, int openAi, int anthropic) {
        assertThat(ErrorFormat.OPENAI.status(kind)).isEqualTo(openAi);
        assertThat(ErrorFormat.ANTHROPIC.status(kind)).isEqualTo(anthropic);
    }

    @Test
    void tableCoversEveryKind() {
        Set<ErrorKind> listed = EnumSet.noneOf(ErrorKind.class);
        TABLE.lines().map(line -> line.split(",")[0].strip()).map(ErrorKind::valueOf).forEach(listed::add);

        assertThat(listed).containsExactlyInAnyOrder(ErrorKind.values());
    }

    @ParameterizedTest
    @EnumSource(ErrorFormat.class)
    void everyKindSurvivesTheRoundTripThroughItsStatus(ErrorFormat format) {
        for (ErrorKind kind : ErrorKind.values()) {
            assertThat(ErrorFormat.kindOf(format.status(kind))).as("%s %s", format, kind).isEqualTo(kind);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "400, INVALID_REQUEST", "405, INVALID_REQUEST", "415, INVALID_REQUEST", "431, INVALID_REQUEST",
        "401, AUTHENTICATION", "403, PERMISSION", "404, NOT_FOUND", "413, REQUEST_TOO_LARGE", "429, RATE_LIMITED",
        "500, INTERNAL", "501, INTERNAL", "505, INTERNAL", "502, UPSTREAM_UNREACHABLE", "503, OVERLOADED",
        "529, OVERLOADED", "504, UPSTREAM_TIMEOUT"
    })
    void kindForAStatusTheServerChose(int status, ErrorKind kind) {
        assertThat(ErrorFormat.kindOf(status)).isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
        "/anthropic/v1/messages, ANTHROPIC",
        "/anthropic/v1/messages/count_tokens, ANTHROPIC",
        "/anthropic, ANTHROPIC",
        "/v1/chat/completions, OPENAI",
        "/v1/models, OPENAI",
        "/, OPENAI",
        "'', OPENAI",
        "NULL, OPENAI",
        "/v1/anthropic, OPENAI",
        "/anthropicfoo, OPENAI"
    })
    void formatForPath(String rawPath, ErrorFormat expected) {
        assertThat(ErrorFormat.forPath(rawPath)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(ErrorFormat.class)
    void bodiesAreJson(ErrorFormat format) {
        assertThat(format.contentType()).isEqualTo("application/json");
    }
}
