package dev.optoant.domain.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optoant.domain.openai.ChatCompletionChunk;
import java.io.IOException;

/**
 * Feeds recorded upstream SSE text to a translator, as the relay loop would: comments are keep-alives,
 * {@code data: [DONE]} and the end of the text finish the stream, a {@code data:} object with an {@code error}
 * member is a mid-stream failure ({@code fail("api_error", ...)}), any other {@code data:} is a chunk.
 */
final class UpstreamSseReplayer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private UpstreamSseReplayer() {
    }

    static void replay(String sse, StreamTranslator translator) throws IOException {
        translator.start();
        StringBuilder data = null;
        for (String line : sse.split("\n", -1)) {
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty()) {
                if (data != null) {
                    dispatch(data.toString(), translator);
                    data = null;
                }
            } else if (line.startsWith(":")) {
                translator.onKeepAlive();
            } else if (line.startsWith("data:")) {
                String value = line.substring(line.startsWith("data: ") ? 6 : 5);
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            }
        }
        if (data != null) {
            dispatch(data.toString(), translator);
        }
        translator.finish();
    }

    private static void dispatch(String data, StreamTranslator translator) throws IOException {
        if (data.equals("[DONE]")) {
            translator.finish();
            return;
        }
        JsonNode node = JSON.readTree(data);
        if (node.has("error")) {
            translator.fail("api_error", "Upstream error mid-stream: " + node.path("error").path("message").asText());
            return;
        }
        translator.onChunk(JSON.treeToValue(node, ChatCompletionChunk.class));
    }
}
