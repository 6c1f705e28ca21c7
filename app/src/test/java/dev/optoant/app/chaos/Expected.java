package dev.optoant.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * What a client should get for one fault on one lane, and what the request log should say.
 *
 * @param status the HTTP status, or {@link #CUT} when the connection is cut mid-body
 * @param body what the body must show
 * @param logError the request-log row's error type, null for none
 * @param loggedStatus the status in the request-log row
 */
record Expected(int status, BodyCheck body, String logError, int loggedStatus) {
    static final int CUT = -1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A check of the body the client received. */
    @FunctionalInterface
    interface BodyCheck {
        void verify(String body) throws IOException;
    }

    static Expected of(int status, BodyCheck body, String logError) {
        return new Expected(status, body, logError, status);
    }

    static BodyCheck openAiError(String code) {
        return body -> {
            JsonNode error = JSON.readTree(body).get("error");
            assertThat(error.get("code").asText()).isEqualTo(code);
            assertThat(error.get("message").asText()).isNotBlank().doesNotContain("Exception");
        };
    }

    static BodyCheck anthropicError(String type, String messagePart) {
        return body -> {
            JsonNode root = JSON.readTree(body);
            assertThat(root.get("type").asText()).isEqualTo("error");
            assertThat(root.get("error").get("type").asText()).isEqualTo(type);
            assertThat(root.get("error").get("message").asText()).contains(messagePart).doesNotContain("Exception");
        };
    }

    /** A 200 event stream that began normally and ends with one {@code error} event of this type. */
    static BodyCheck errorEvent(String type) {
        return body -> {
            assertThat(body).startsWith("event: message_start\n");
            assertThat(body).endsWith("\n\n").doesNotContain("event: message_stop");
            String last = body.substring(body.lastIndexOf("event: "));
            assertThat(last).startsWith("event: error\ndata: ");
            JsonNode error = JSON.readTree(last.substring(last.indexOf("data: ") + 6)).get("error");
            assertThat(error.get("type").asText()).isEqualTo(type);
        };
    }

    /** A complete Anthropic stream: its text joined, ending with exactly one message_stop. */
    static BodyCheck completeStream(int textLength) {
        return body -> {
            assertThat(body).startsWith("event: message_start\n").endsWith("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
            assertThat(body.split("event: message_stop", -1)).hasSize(2);
            assertThat(body).doesNotContain("event: error");
            long text = 0;
            for (String line : body.split("\n")) {
                if (line.startsWith("data: ") && line.contains("\"text_delta\"")) {
                    text += JSON.readTree(line.substring(6)).get("delta").get("text").asText().length();
                }
            }
            assertThat(text).isEqualTo(textLength);
        };
    }

    static BodyCheck message(int textLength) {
        return body -> {
            JsonNode root = JSON.readTree(body);
            assertThat(root.get("type").asText()).isEqualTo("message");
            assertThat(root.get("content").get(0).get("text").asText()).hasSize(textLength);
        };
    }

    static BodyCheck relayedContaining(String part) {
        return body -> assertThat(body).contains(part);
    }

    static BodyCheck anything() {
        return body -> { };
    }
}
