package dev.optoant.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optoant.domain.error.ErrorKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link ErrorFormat#body}: the exact JSON shape each API's clients parse, with the message escaped correctly. */
class ErrorFormatBodyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource({
        "INVALID_REQUEST,      invalid_request_error, invalid_request",
        "AUTHENTICATION,       authentication_error,  invalid_api_key",
        "PERMISSION,           permission_error,      permission_denied",
        "NOT_FOUND,            invalid_request_error, not_found",
        "REQUEST_TOO_LARGE,    invalid_request_error, request_too_large",
        "RATE_LIMITED,         rate_limit_error,      rate_limit_exceeded",
        "INTERNAL,             server_error,          internal_error",
        "UPSTREAM_UNREACHABLE, upstream_error,        upstream_unreachable",
        "OVERLOADED,           server_error,          overloaded",
        "UPSTREAM_TIMEOUT,     upstream_error,        upstream_timeout"
    })
    void openAiShape(ErrorKind kind, String type, String code) throws IOException {
        JsonNode root = JSON.readTree(ErrorFormat.OPENAI.body(kind, "boom"));

        assertThat(fieldNames(root)).containsExactly("error");
        JsonNode error = root.get("error");
        assertThat(fieldNames(error)).containsExactlyInAnyOrder("message", "type", "code");
        assertThat(error.get("message").textValue()).isEqualTo("boom");
        assertThat(error.get("type").textValue()).isEqualTo(type);
        assertThat(error.get("code").textValue()).isEqualTo(code);
    }

    @ParameterizedTest
    @CsvSource({
        "INVALID_REQUEST,      invalid_request_error",
        "AUTHENTICATION,       authentication_error",
        "PERMISSION,           permission_error",
        "NOT_FOUND,            not_found_error",
        "REQUEST_TOO_LARGE,    request_too_large",
        "RATE_LIMITED,         rate_limit_error",
        "INTERNAL,             api_error",
        "UPSTREAM_UNREACHABLE, api_error",
        "OVERLOADED,           overloaded_error",
        "UPSTREAM_TIMEOUT,     api_error"
    })
    void anthropicShape(ErrorKind kind, String type) throws IOException {
        JsonNode root = JSON.readTree(ErrorFormat.ANTHROPIC.body(kind, "boom"));

        assertThat(fieldNames(root)).containsExactlyInAnyOrder("type", "error");
        assertThat(root.get("type").textValue()).isEqualTo("error");
        JsonNode error = root.get("error");
        assertThat(fieldNames(error)).containsExactlyInAnyOrder("type", "message");
        assertThat(error.get("type").textValue()).isEqualTo(type);
        assertThat(error.get("message").textValue()).isEqualTo("boom");
    }

    @ParameterizedTest
    @EnumSource(ErrorFormat.class)
    void messageIsEscapedAndSurvivesParsing(ErrorFormat format) throws IOException {
        String message = "path \"/v1/x\" \\ is\nnot\tallowed \u0001 h\u00e9llo \u2713 </script>";

        byte[] body = format.body(ErrorKind.INVALID_REQUEST, message);

        String wire = new String(body, UTF_8);
        assertThat(wire).contains("path \\\"/v1/x\\\" \\\\ is\\nnot\\tallowed \\u0001");
        assertThat(wire).doesNotContain("\n").doesNotContain("\t").doesNotContain("\u0001");
        assertThat(JSON.readTree(body).get("error").get("message").textValue()).isEqualTo(message);
    }

    @ParameterizedTest
    @EnumSource(ErrorFormat.class)
    void emptyMessageStaysAString(ErrorFormat format) throws IOException {
        assertThat(JSON.readTree(format.body(ErrorKind.INTERNAL, "")).get("error").get("message").isTextual()).isTrue();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
