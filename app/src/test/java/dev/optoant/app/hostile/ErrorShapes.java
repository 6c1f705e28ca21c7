package dev.optoant.app.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Asserts that an error answer is a client error in the caller's API shape and gives nothing of the server away. */
final class ErrorShapes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorShapes() {
    }

    /** {@code {"error":{"message","type","code"}}} with the given status. */
    static JsonNode openAi(RawResponse response, int status) throws IOException {
        assertClean(response, status);
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error).as(response.toString()).isNotNull();
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.get("type").asText()).isNotBlank();
        assertThat(error.has("code")).isTrue();
        return error;
    }

    /** {@code {"type":"error","error":{"type","message"}}} with the given status. */
    static JsonNode anthropic(RawResponse response, int status) throws IOException {
        assertClean(response, status);
        JsonNode root = JSON.readTree(response.body());
        assertThat(root.path("type").asText()).as(response.toString()).isEqualTo("error");
        JsonNode error = root.get("error");
        assertThat(error.get("type").asText()).isNotBlank();
        assertThat(error.get("message").asText()).isNotBlank();
        return error;
    }

    /** The error shape a client of this path expects. */
    static JsonNode forPath(String path, RawResponse response, int status) throws IOException {
        return path.startsWith("/anthropic") ? anthropic(response, status) : openAi(response, status);
    }

    private static void assertClean(RawResponse response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("content-type")).as(response.toString())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).as("no stack trace or server internals")
                .doesNotContain("\tat ", "Exception", "org.eclipse", "jakarta.", "com.fasterxml", "dev.optoant");
    }
}
