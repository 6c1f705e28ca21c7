package dev.optoant.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optoant.domain.openai.ChatCompletionChunk;
import dev.optoant.domain.openai.ChatUsage;
import dev.optoant.domain.openai.ToolCall;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link ChunkDecoder} against the databind reader it replaces ({@link HttpChatUpstream#CHUNK}): for recorded
 * upstream streams, hand-picked shapes and seeded random chunks, the same record, or both refuse the payload.
 */
class ChunkDecoderTest {
    private static final Path RECORDED = Path.of("..", "domain", "src", "test", "resources", "golden", "stream");
    private static final Path BENCH_STREAMS = Path.of("..", "bench", "upstream");

    @Test
    void recordedUpstreamStreamsDecodeWithoutTheDatabind() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> golden = Files.list(RECORDED); Stream<Path> bench = Files.list(BENCH_STREAMS)) {
            golden.filter(file -> file.toString().endsWith(".upstream.sse")).forEach(files::add);
            bench.filter(file -> file.toString().endsWith(".sse")).forEach(files::add);
        }
        int payloads = 0;
        for (Path file : files) {
            ChunkDecoder decoder = decoder();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.startsWith("data:") || line.endsWith("[DONE]")) {
                    continue;
                }
                byte[] json = line.substring(5).strip().getBytes(StandardCharsets.UTF_8);
                Object databind = outcome(() -> HttpChatUpstream.CHUNK.readValue(json));
                // read(), not decode(): a recorded chunk must never need the databind
                assertThat(outcome(() -> decoder.read(json, 0, json.length))).as("%s: %s", file, line)
                        .isEqualTo(databind);
                payloads++;
            }
        }
        assertThat(files).as("golden upstream streams and the bench's recorded streams").hasSizeGreaterThan(20);
        assertThat(payloads).isGreaterThan(300);
    }

    @Test
    void wellShapedRandomChunksDecodeWithoutTheDatabindAsTheDatabindDoes() throws IOException {
        Random random = new Random(20261127);
        ChunkJson generator = new ChunkJson(random, false);
        ChunkDecoder decoder = decoder();
        int accepted = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] json = generator.chunk().getBytes(StandardCharsets.UTF_8);
            Object databind = outcome(() -> HttpChatUpstream.CHUNK.readValue(json));
            assertThat(outcome(() -> decoder.read(json, 0, json.length)))
                    .as(new String(json, StandardCharsets.UTF_8)).isEqualTo(databind);
            if (databind instanceof ChatCompletionChunk) {
                accepted++;
            }
        }
        assertThat(accepted).as("most are chunks; the rest repeat a field of a complete record").isGreaterThan(15_000);
    }

    @Test
    void randomChunksOfAnyShapeDecodeAsTheDatabindDoes() {
        Random random = new Random(7);
        ChunkJson generator = new ChunkJson(random, true);
        ChunkDecoder decoder = decoder();
        int ownWork = 0;
        int deferred = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] json = generator.chunk().getBytes(StandardCharsets.UTF_8);
            assertThat(problemWith(decoder, json)).isNull();
            try {
                decoder.read(json, 0, json.length);
                ownWork++;
            } catch (ChunkDecoder.UnusualShape e) {
                deferred++;
            } catch (IOException e) {
                ownWork++;
            }
        }
        assertThat(ownWork).as("decoded or refused without the databind").isGreaterThan(10_000);
        assertThat(deferred).as("values of unusual shape handed to the databind").isGreaterThan(1_000);
    }

    @Test
    void handPickedShapesDecodeAsTheDatabindDoes() {
        ChunkDecoder decoder = decoder();
        for (String json : List.of(
                "{\"id\":\"a\",\"choices\":[{\"index\":0,\"delta\":{\"content\":null,\"role\":null}}]}",
                "{\"id\":12,\"model\":1.50e3}", "{\"id\":true}", "{\"id\":-0.0}",
                "{\"id\":123456789012345678901234567890}",
                "{\"id\":{}}", "{\"id\":[]}", "{\"id\":[\"x\"]}", "{\"id\":\"a\",\"id\":\"b\"}",
                "{\"id\":\"a\",\"model\":\"m\",\"choices\":null,\"usage\":null,\"id\":\"b\"}",
                "{\"id\":\"a\",\"model\":\"m\",\"choices\":null,\"usage\":null,\"x\":{\"id\":1}}",
                "{\"usage\":{\"prompt_tokens_details\":{\"cached_tokens\":1,\"cached_tokens\":2}}}",
                "{\"usage\":{\"prompt_tokens_details\":{\"cached_tokens\":1,\"x\":[{},[]]}}}",
                "{\"choices\":[{\"index\":\"3\"}]}", "{\"choices\":[{\"index\":1.7}]}",
                "{\"choices\":[{\"index\":true}]}",
                "{\"choices\":[{\"index\":2147483648}]}", "{\"usage\":{\"prompt_tokens\":9223372036854775808}}",
                "{\"choices\":[null]}", "{\"choices\":{}}", "{\"choices\":\"\"}", "{\"choices\":[\"\"]}",
                "{\"choices\":[[]]}", "{\"choices\":[{\"delta\":\"\"}]}", "{\"choices\":[{\"delta\":[]}]}",
                "{\"choices\":[]}", "{\"choices\":null,\"usage\":{\"prompt_tokens\":\"12\",\"total_tokens\":1e3}}",
                "{\"usage\":{\"prompt_tokens\":\"\"}}", "{\"usage\":\"\"}", "{\"usage\":[]}",
                "{\"\\u0069d\":\"escaped name\"}", "{\"id\":\"\\ud83d\\ude00 \\ud800 😀 \\u0000\"}",
                "null", "[]", "[{\"id\":\"a\"}]", "\"x\"", "1", "", "  ", "{", "{\"id\":\"a\"", "{\"id\":\"a\",}",
                "{\"id\":\"a\"} trailing", "{\"id\":\"a\"}{", "{\"id\":\"\u0001\"}", "{'id':'a'}",
                "{\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"a\"}}]}}]}",
                "{\"choices\":[{\"delta\":{\"tool_calls\":null}}]}", "{\"choices\":[{\"index\":0,\"index\":1}]}",
                "{\"choices\":[{\"index\":0,\"delta\":null,\"finish_reason\":null,\"index\":1}]}",
                "{\"choices\":[{\"delta\":{\"tool_calls\":[null,{\"function\":null},{\"function\":\"f\"}]}}]}",
                "{\"error\":{\"message\":\"boom\",\"code\":500}}")) {
            assertThat(problemWith(decoder, json.getBytes(StandardCharsets.UTF_8))).as(json).isNull();
        }
    }

    @Test
    void nullsUnknownFieldsAndScalarsAreReadAsTheRecordsSay() throws IOException {
        ChunkDecoder decoder = decoder();
        assertThat(read(decoder, "{\"id\":\"a\",\"x\":{\"choices\":[1,{\"id\":[]}]},\"choices\":[{\"index\":0,"
                + "\"delta\":{\"content\":null,\"reasoning_content\":\"r\",\"extra\":[[{}]]},\"logprobs\":null}]}"))
                .isEqualTo(new ChatCompletionChunk("a", null,
                        List.of(new ChatCompletionChunk.Choice(0, new ChatCompletionChunk.ChunkDelta(null, null, "r",
                                null), null)), null));
        assertThat(read(decoder, "{\"id\":12,\"model\":1.50e3,\"choices\":[{\"finish_reason\":false}]}"))
                .isEqualTo(new ChatCompletionChunk("12", "1.50e3",
                        List.of(new ChatCompletionChunk.Choice(null, null, "false")), null));
        assertThat(read(decoder, "{\"id\":\"a\",\"choices\":[],\"usage\":{\"prompt_tokens\":5120,"
                + "\"completion_tokens\":5,\"total_tokens\":5125,\"prompt_cache_hit_tokens\":4992,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":4992},"
                + "\"completion_tokens_details\":{\"reasoning_tokens\":3}}}"))
                .isEqualTo(new ChatCompletionChunk("a", null, List.of(), new ChatUsage(5120L, 5L, 5125L, 4992L,
                        new ChatUsage.PromptDetails(4992L), new ChatUsage.CompletionDetails(3L))));
        assertThat(read(decoder, "{\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":1,\"id\":\"call_1\","
                + "\"type\":\"function\",\"function\":{\"name\":\"Edit\","
                + "\"arguments\":\"{\\\"p\\\":\\\"\\ud83d\\ude00\"}}]}}]}").choices().get(0).delta().toolCalls())
                .containsExactly(new ToolCall(1, "call_1", "function",
                        new ToolCall.FunctionCall("Edit", "{\"p\":\"😀")));
        assertThat(read(decoder, "null")).isNull();
    }

    @Test
    void aRepeatedFieldOverwritesUntilTheRecordIsCompleteAndIsRefusedAfter() throws IOException {
        ChunkDecoder decoder = decoder();
        assertThat(read(decoder, "{\"id\":\"a\",\"model\":\"m\",\"id\":\"b\"}").id()).isEqualTo("b");
        assertThatThrownBy(() -> read(decoder, "{\"id\":\"a\",\"model\":\"m\",\"choices\":null,\"usage\":null,"
                + "\"id\":\"b\"}")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> read(decoder, "{\"usage\":{\"prompt_tokens_details\":{\"cached_tokens\":1,"
                + "\"cached_tokens\":2}}}")).isInstanceOf(IOException.class);
    }

    @Test
    void valuesOfUnusualShapeAreLeftToTheDatabind() throws IOException {
        ChunkDecoder decoder = decoder();
        for (String json : List.of("{\"choices\":[{\"index\":\"3\"}]}", "{\"choices\":[{\"index\":1.7}]}",
                "{\"usage\":{\"prompt_tokens\":\"12\"}}", "{\"choices\":[\"\"]}", "{\"id\":{}}", "[]")) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> decoder.read(bytes, 0, bytes.length)).as(json)
                    .isInstanceOf(ChunkDecoder.UnusualShape.class);
        }
        assertThat(decode(decoder, "{\"choices\":[{\"index\":\"3\"}]}").choices().get(0).index()).isEqualTo(3);
        assertThat(decode(decoder, "{\"choices\":[{\"index\":1.7}]}").choices().get(0).index()).isEqualTo(1);
        assertThat(decode(decoder, "{\"usage\":{\"prompt_tokens\":\"\"}}").usage().promptTokens()).isNull();
    }

    @Test
    void theRepeatedIdAndModelOfAStreamAreOneInstanceEach() throws IOException {
        ChunkDecoder decoder = decoder();
        ChatCompletionChunk first = read(decoder, "{\"id\":\"chatcmpl-1\",\"model\":\"deepseek-chat\"}");
        ChatCompletionChunk second = read(decoder, "{\"id\":\"chatcmpl-1\",\"model\":\"deepseek-chat\"}");
        ChatCompletionChunk other = read(decoder, "{\"id\":\"chatcmpl-2\",\"model\":\"deepseek-chaT\"}");
        assertThat(second.id()).isSameAs(first.id());
        assertThat(second.model()).isSameAs(first.model());
        assertThat(other.id()).isEqualTo("chatcmpl-2");
        assertThat(other.model()).isEqualTo("deepseek-chaT");
    }

    /** Null when the decoder gives what the databind gives for these bytes (the same record, or both refuse). */
    static String problemWith(ChunkDecoder decoder, byte[] json) {
        Object databind = outcome(() -> HttpChatUpstream.CHUNK.readValue(json, 0, json.length));
        Object decoded = outcome(() -> decoder.decode(json, 0, json.length));
        return Objects.equals(databind, decoded) ? null
                : "databind: " + databind + ", decoder: " + decoded + ", input: "
                        + new String(json, StandardCharsets.UTF_8);
    }

    static ChunkDecoder decoder() {
        return new ChunkDecoder(HttpChatUpstream.CHUNK);
    }

    private static ChatCompletionChunk read(ChunkDecoder decoder, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return decoder.read(bytes, 0, bytes.length);
    }

    private static ChatCompletionChunk decode(ChunkDecoder decoder, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return decoder.decode(bytes, 0, bytes.length);
    }

    /** The record, {@code "refused"} for an IOException (a Malformed item in the stream), or what else was thrown. */
    private static Object outcome(Read read) {
        try {
            ChatCompletionChunk chunk = read.chunk();
            return chunk == null ? "null" : chunk;
        } catch (IOException e) {
            return "refused";
        } catch (RuntimeException e) {
            return e.getClass().getName();
        }
    }

    /** One way of reading a payload. */
    @FunctionalInterface
    private interface Read {
        ChatCompletionChunk chunk() throws IOException;
    }
}
