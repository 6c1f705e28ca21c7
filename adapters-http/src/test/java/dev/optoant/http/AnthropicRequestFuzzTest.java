package dev.optoant.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optoant.domain.anthropic.MessagesRequest;
import dev.optoant.domain.convert.AnthropicToOpenAi;
import dev.optoant.domain.convert.ConversionSettings;
import dev.optoant.domain.error.ErrorKind;
import dev.optoant.domain.error.GatewayException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded byte-level mutations of realistic Anthropic requests go through the same parse and conversion as the
 * running gateway; the only failure allowed is the domain's {@link GatewayException} for a bad (400) or oversized
 * (413) request. Each seed runs 500 mutants; a failure names the seed and the mutant in hex.
 */
class AnthropicRequestFuzzTest {
    private static final int MUTANTS_PER_SEED = 500;
    private static final long MAX_BYTES = 8 * 1024;
    private static final AnthropicToOpenAi CONVERTER = new AnthropicToOpenAi(ConversionSettings.deepSeekDefaults());
    static final List<String> SEEDS_DOCUMENTS = List.of(
            "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"stream\":true,\"temperature\":0.5,\"top_p\":0.9,\"top_k\":5,"
                    + "\"system\":[{\"type\":\"text\",\"text\":\"Be brief\",\"cache_control\":{\"type\":\"ephemeral\"}}],"
                    + "\"metadata\":{\"user_id\":\"u1\"},\"stop_sequences\":[\"END\"],"
                    + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi \\u00e9 \\ud83d\\ude00\"}]}",
            "{\"model\":\"claude-opus-4-5\",\"max_tokens\":2000,\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":1024},"
                    + "\"tools\":[{\"name\":\"get_weather\",\"description\":\"d\",\"input_schema\":{\"type\":\"object\","
                    + "\"properties\":{\"city\":{\"type\":\"string\"}}}},{\"type\":\"web_search_20250305\",\"name\":\"web_search\"}],"
                    + "\"tool_choice\":{\"type\":\"auto\"},\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Weather?\"}]},"
                    + "{\"role\":\"assistant\",\"content\":[{\"type\":\"thinking\",\"thinking\":\"hm\",\"signature\":\"s\"},"
                    + "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"get_weather\",\"input\":{\"city\":\"Paris\"}}]},"
                    + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\",\"content\":"
                    + "[{\"type\":\"text\",\"text\":\"sunny\"}],\"is_error\":false}]}]}",
            "{\"model\":\"claude-haiku-4-5\",\"max_tokens\":10,\"tool_choice\":{\"type\":\"tool\",\"name\":\"t\"},"
                    + "\"tools\":[{\"name\":\"t\",\"input_schema\":{\"type\":\"object\"}}],\"messages\":[{\"role\":\"user\",\"content\":"
                    + "[{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"iVBORw0KGgo=\"}},"
                    + "{\"type\":\"document\",\"source\":{\"type\":\"text\",\"media_type\":\"text/plain\",\"data\":\"doc\"}},"
                    + "{\"type\":\"redacted_thinking\",\"data\":\"x\"},{\"type\":\"hologram\"}]}]}");
    private static final String[] PIECES = {"{", "}", "[", "]", "\"", "\\", ",", ":", "null", "true", "0", "-1",
        "1e400", "9223372036854775808", "1.5", "\"\"", "{}", "[]", "\"type\"", "\"text\"", "\"tool_use\"",
        "\"tool_result\"", "\"content\"", "\"role\"", "\"user\"", "\"assistant\"", "\"messages\"", "\"max_tokens\"",
        "\\u0000", "\\ud800", "\u00e9", "\ud83d\ude00", " ", "\n", "[[[[[[[[", "{\"a\":{\"a\":{\"a\":"};
    private static final byte[][] RAW = {{(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xE6, (byte) 0x97}, {0}};

    static LongStream seeds() {
        return LongStream.range(0, 24);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void mutantsAreConvertedOrRefusedAsBadRequests(long seed) {
        Random random = new Random(seed);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < MUTANTS_PER_SEED && failures.size() < 5; i++) {
            byte[] document = SEEDS_DOCUMENTS.get(random.nextInt(SEEDS_DOCUMENTS.size())).getBytes(StandardCharsets.UTF_8);
            int rounds = 1 + random.nextInt(4);
            for (int r = 0; r < rounds; r++) {
                document = mutate(random, document);
            }
            String problem = problemWith(document);
            if (problem != null) {
                failures.add(problem + " for " + HexFormat.of().formatHex(document));
            }
        }
        assertThat(failures).as("seed " + seed).isEmpty();
    }

    /**
     * The first two documents are valid, so the parser set-up refuses no good request (the third is refused on
     * purpose: an image for a text-only upstream and an unknown block type).
     */
    @org.junit.jupiter.api.Test
    void theValidSeedDocumentsConvert() {
        for (String document : SEEDS_DOCUMENTS.subList(0, 2)) {
            MessagesRequest request = AnthropicJson.readRequest(
                    new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)), MAX_BYTES);
            assertThat(CONVERTER.convert(request).messages()).isNotEmpty();
        }
    }

    /** Inputs the gateway once accepted although they are not valid requests; each must stay a 400. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "overlong UTF-8|7b226d6f64656c223a2278222c226d61785f746f6b656e73223a312c226d65737361676573223a5b7b22726f6c65223a2275736572222c22636f6e74656e74223a22c0af227d5d7d",
        "trailing garbage|7b226d6f64656c223a2278222c226d61785f746f6b656e73223a312c226d65737361676573223a5b7b22726f6c65223a2275736572222c22636f6e74656e74223a2268227d5d7d7d5d",
        "duplicate key|7b226d6f64656c223a2278222c226d6f64656c223a2279222c226d61785f746f6b656e73223a312c226d65737361676573223a5b7b22726f6c65223a2275736572222c22636f6e74656e74223a2268227d5d7d",
        "fractional max_tokens|7b226d6f64656c223a2278222c226d61785f746f6b656e73223a312e352c226d65737361676573223a5b7b22726f6c65223a2275736572222c22636f6e74656e74223a2268227d5d7d",
        "infinite temperature|7b226d6f64656c223a2278222c226d61785f746f6b656e73223a312c2274656d7065726174757265223a31653430302c226d65737361676573223a5b7b22726f6c65223a2275736572222c22636f6e74656e74223a2268227d5d7d"})
    void onceAcceptedNowRefused(String name, String hex) {
        byte[] body = HexFormat.of().parseHex(hex);
        GatewayException refused = org.assertj.core.api.Assertions.catchThrowableOfType(GatewayException.class, () -> {
            MessagesRequest request = AnthropicJson.readRequest(new ByteArrayInputStream(body), MAX_BYTES);
            CONVERTER.convert(request);
        });
        assertThat(refused).as(name).isNotNull();
        assertThat(refused.kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
        assertThat(refused.getMessage()).doesNotContain("dev.optoant");
    }

    /** Null when the body converts or is refused as a client error; otherwise what went wrong. */
    static String problemWith(byte[] body) {
        try {
            MessagesRequest request = AnthropicJson.readRequest(new ByteArrayInputStream(body), MAX_BYTES);
            CONVERTER.convertForTokenCount(request);
            CONVERTER.convert(request);
            AnthropicJson.write(request);
            return null;
        } catch (GatewayException e) {
            return e.kind() == ErrorKind.INVALID_REQUEST || e.kind() == ErrorKind.REQUEST_TOO_LARGE ? null
                    : e.kind() + ": " + e.getMessage();
        } catch (RuntimeException | StackOverflowError e) {
            return e.toString();
        }
    }

    private static byte[] mutate(Random random, byte[] document) {
        int at = random.nextInt(document.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(document.length + 64);
        switch (random.nextInt(6)) {
            case 0 -> { // insert a JSON-ish piece
                out.write(document, 0, at);
                out.writeBytes(PIECES[random.nextInt(PIECES.length)].getBytes(StandardCharsets.UTF_8));
                out.write(document, at, document.length - at);
            }
            case 1 -> { // delete a range
                int end = Math.min(document.length, at + 1 + random.nextInt(12));
                out.write(document, 0, at);
                out.write(document, end, document.length - end);
            }
            case 2 -> { // duplicate a range
                int end = Math.min(document.length, at + 1 + random.nextInt(40));
                out.write(document, 0, end);
                out.write(document, at, end - at);
                out.write(document, end, document.length - end);
            }
            case 3 -> { // raw bytes that are not UTF-8
                out.write(document, 0, at);
                out.writeBytes(RAW[random.nextInt(RAW.length)]);
                out.write(document, at, document.length - at);
            }
            case 4 -> { // truncate
                out.write(document, 0, at);
            }
            default -> { // flip one byte
                out.writeBytes(document);
                byte[] bytes = out.toByteArray();
                if (bytes.length > 0) {
                    bytes[Math.min(at, bytes.length - 1)] ^= (byte) (1 << random.nextInt(8));
                }
                return bytes;
            }
        }
        return out.toByteArray();
    }
}
