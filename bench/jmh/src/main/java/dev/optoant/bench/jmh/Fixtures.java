package dev.optoant.bench.jmh;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.optoant.domain.anthropic.MessagesRequest;
import dev.optoant.domain.openai.ChatCompletionChunk;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The benchmark inputs (shared with bench/run.sh) and JSON mappers configured as the gateway's adapters do. */
final class Fixtures {
    /** As the HTTP adapter reads Anthropic bodies and writes Anthropic JSON (AnthropicJson). */
    static final ObjectMapper ANTHROPIC_JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
    static final ObjectReader MESSAGES_REQUEST;
    /** As the upstream adapter writes Chat Completions requests and reads chunks (HttpChatUpstream). */
    static final ObjectMapper UPSTREAM_JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    static final ObjectReader CHUNK = UPSTREAM_JSON.readerFor(ChatCompletionChunk.class);

    static {
        ANTHROPIC_JSON.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build());
        MESSAGES_REQUEST = ANTHROPIC_JSON.readerFor(MessagesRequest.class);
    }

    private Fixtures() {
    }

    static byte[] resource(String name) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code data:} payloads of a recorded SSE stream, {@code [DONE]} left out. */
    static List<String> sseData(String name) {
        List<String> data = new ArrayList<>();
        for (String line : new String(resource(name), StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("data: ") && !line.equals("data: [DONE]")) {
                data.add(line.substring(6));
            }
        }
        return data;
    }
}
