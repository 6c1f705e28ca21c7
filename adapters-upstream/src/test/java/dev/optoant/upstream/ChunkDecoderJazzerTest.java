package dev.optoant.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzz target for {@link ChunkDecoder}, with the invariant of {@link ChunkDecoderTest}: any payload
 * decodes to the record the databind reader gives, or both refuse it. Each input is decoded twice by one decoder,
 * the second time with the first chunk's id and model at hand to be reused.
 */
class ChunkDecoderJazzerTest {

    @FuzzTest(maxDuration = "20s")
    // libFuzzer dictionary syntax: \\ for a backslash.
    @DictionaryEntries({"\"id\"", "\"model\"", "\"choices\"", "\"usage\"", "\"index\"", "\"delta\"",
        "\"finish_reason\"", "\"role\"", "\"content\"", "\"reasoning_content\"", "\"tool_calls\"", "\"type\"",
        "\"function\"", "\"name\"", "\"arguments\"", "\"prompt_tokens\"", "\"completion_tokens\"", "\"total_tokens\"",
        "\"prompt_cache_hit_tokens\"", "\"prompt_tokens_details\"", "\"cached_tokens\"",
        "\"completion_tokens_details\"", "\"reasoning_tokens\"", "null", "true", "[]", "{}", "\"\"", "2147483648",
        "9223372036854775808", "1.5e3", "\\\\ud83d\\\\ude00", "\\\\u0069"})
    void anyPayloadDecodesAsTheDatabindDecodesIt(byte[] json) {
        ChunkDecoder decoder = ChunkDecoderTest.decoder();
        assertThat(ChunkDecoderTest.problemWith(decoder, json)).isNull();
        assertThat(ChunkDecoderTest.problemWith(decoder, json)).isNull();
    }
}
