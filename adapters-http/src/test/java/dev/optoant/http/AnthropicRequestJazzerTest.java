package dev.optoant.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzz target for the Anthropic request parser and converter, with the invariant of
 * {@link AnthropicRequestFuzzTest}: any body converts (for messages and for token counting) or is refused with the
 * domain's 400 or 413. The fuzzer starts from the valid documents committed in its inputs directory.
 */
class AnthropicRequestJazzerTest {

    @FuzzTest(maxDuration = "20s")
    @DictionaryEntries({"\"type\"", "\"text\"", "\"tool_use\"", "\"tool_result\"", "\"thinking\"", "\"image\"",
        "\"document\"", "\"content\"", "\"role\"", "\"user\"", "\"assistant\"", "\"system\"", "\"messages\"",
        "\"max_tokens\"", "\"tools\"", "\"tool_choice\"", "\"input_schema\"", "\"input\"", "\"source\"",
        "\"stop_sequences\"", "\"budget_tokens\"", "null", "true", "1e400", "-1", "9223372036854775808", "[]", "{}",
        "\\\\u0000", "\\\\ud800"})
    void anyBodyConvertsOrIsRefusedAsAClientError(byte[] body) {
        assertThat(AnthropicRequestFuzzTest.problemWith(body)).as(new String(body, StandardCharsets.UTF_8)).isNull();
    }
}
