package dev.optoant.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optoant.domain.openai.ChatCompletionRequest;
import dev.optoant.domain.openai.ChatMessage;
import dev.optoant.domain.openai.MessageContent;
import java.util.List;
import org.junit.jupiter.api.Test;

class JtokkitTokenCounterTest {
    private final JtokkitTokenCounter counter = new JtokkitTokenCounter();

    @Test
    void countsTextWithMessageFraming() {
        long one = counter.inputTokens(request(ChatMessage.user(new MessageContent.Text("hello"))));
        long two = counter.inputTokens(request(ChatMessage.user(new MessageContent.Text("hello")),
                ChatMessage.user(new MessageContent.Text("hello"))));

        // "hello" and "user" are one token each in o200k_base: 3 reply + 3 framing + 1 role + 1 text.
        assertThat(one).isEqualTo(8);
        assertThat(two - one).isEqualTo(5);
    }

    @Test
    void countsAnImageAsOneTypicalTile() {
        long withImage = counter.inputTokens(request(ChatMessage.user(new MessageContent.Parts(List.of(
                new MessageContent.ImagePart(new MessageContent.ImageUrl("data:image/png;base64," + "A".repeat(9000))))))));

        assertThat(withImage).isEqualTo(3 + 3 + 1 + 85);
    }

    @Test
    void countsAPdfByItsSizeInTypicalPages() {
        long small = counter.inputTokens(request(pdfOfBase64Chars(400)));
        long threePages = counter.inputTokens(request(pdfOfBase64Chars(4 * 120 * 1024 / 3)));

        assertThat(small).isEqualTo(3 + 3 + 1 + 1_500);
        assertThat(threePages).isEqualTo(3 + 3 + 1 + 3 * 1_500);
    }

    private static ChatMessage pdfOfBase64Chars(int chars) {
        return ChatMessage.user(new MessageContent.Parts(List.of(new MessageContent.FilePart(
                new MessageContent.FileData("a.pdf", "A".repeat(chars))))));
    }

    private static ChatCompletionRequest request(ChatMessage... messages) {
        return new ChatCompletionRequest("deepseek-chat", List.of(messages), 10, null, null, null, null, null, null,
                null, null, null, null, null);
    }
}
