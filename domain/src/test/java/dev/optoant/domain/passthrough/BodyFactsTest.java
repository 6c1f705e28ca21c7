package dev.optoant.domain.passthrough;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optoant.domain.openai.ChatUsage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the log reads from relayed bodies: model and stream flag up front, usage at the end, truncation tolerated. */
class BodyFactsTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void modelAndStreamComeFromTheTopLevelOnly() {
        BodyFacts.RequestFacts facts = BodyFacts.request(utf8(
                "{\"messages\":[{\"role\":\"user\",\"model\":\"not-this\"}],\"model\":\"deepseek-chat\",\"stream\":true}"));
        assertThat(facts).isEqualTo(new BodyFacts.RequestFacts("deepseek-chat", true));
    }

    @Test
    void aTruncatedPrefixKeepsWhatWasRead() {
        assertThat(BodyFacts.request(utf8("{\"model\":\"m\",\"messages\":[{\"role\":\"us")))
                .isEqualTo(new BodyFacts.RequestFacts("m", false));
        assertThat(BodyFacts.request(utf8("not json"))).isEqualTo(new BodyFacts.RequestFacts(null, false));
        assertThat(BodyFacts.request(new byte[0])).isEqualTo(new BodyFacts.RequestFacts(null, false));
    }

    @Test
    void usageOfAJsonBodyAndOfTheLastSseChunk() {
        ChatUsage json = BodyFacts.usage(utf8("{\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":1}}}"));
        assertThat(json.prompt()).isEqualTo(5);
        assertThat(json.completion()).isEqualTo(2);
        assertThat(json.cached()).isEqualTo(1);

        ChatUsage sse = BodyFacts.usage(utf8("data: {\"choices\":[{\"delta\":{}}],\"usage\":null}\n\n"
                + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":4,\"prompt_cache_hit_tokens\":3}}\n\n"
                + "data: [DONE]\n\n"));
        assertThat(sse.prompt()).isEqualTo(9);
        assertThat(sse.cached()).isEqualTo(3);
    }

    @Test
    void noUsageOrACutUsageObjectIsNull() {
        assertThat(BodyFacts.usage(utf8("{\"choices\":[]}"))).isNull();
        assertThat(BodyFacts.usage(utf8("{\"usage\":{\"prompt_tokens\":5,"))).isNull();
        assertThat(BodyFacts.usage(utf8("data: {\"usage\":null}\n\n"))).isNull();
    }

    @Test
    void tailCaptureKeepsTheLastBytesInOrder() {
        TailCapture tail = new TailCapture(8);
        tail.append(utf8("abc"), 0, 3);
        assertThat(new String(tail.bytes(), StandardCharsets.UTF_8)).isEqualTo("abc");
        tail.append(utf8("defgh"), 0, 5);
        assertThat(new String(tail.bytes(), StandardCharsets.UTF_8)).isEqualTo("abcdefgh");
        tail.append(utf8("ij"), 0, 2);
        assertThat(new String(tail.bytes(), StandardCharsets.UTF_8)).isEqualTo("cdefghij");
        tail.append(utf8("0123456789"), 1, 9);
        assertThat(new String(tail.bytes(), StandardCharsets.UTF_8)).isEqualTo("23456789");
        tail.append(utf8("xyz"), 0, 3);
        assertThat(new String(tail.bytes(), StandardCharsets.UTF_8)).isEqualTo("56789xyz");
    }

    @Test
    void anErrorObjectSentAsASuccessIsFoundInJsonAndInTheLastEvent() {
        assertThat(BodyFacts.errorInBody(bytes("{\"error\":{\"message\":\"busy\",\"type\":\"server_error\"}}")))
                .isEqualTo("busy");
        assertThat(BodyFacts.errorInBody(bytes("data: {\"choices\":[]}\n\ndata: {\"error\":{\"message\":\"cut\"}}\n\n"
                + "data: [DONE]\n\n"))).isEqualTo("cut");
        assertThat(BodyFacts.errorInBody(bytes("{\"choices\":[{\"message\":{\"content\":\"\\\"error\\\"\"}}]}")))
                .isNull();
        assertThat(BodyFacts.errorInBody(bytes("ror\":{\"message\":\"cut at the front\"}}"))).isNull();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
