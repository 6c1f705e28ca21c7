package dev.optoant.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.errors.BadRequestException;
import com.anthropic.models.messages.Base64ImageSource;
import com.anthropic.models.messages.Base64PdfSource;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.DocumentBlockParam;
import com.anthropic.models.messages.ImageBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCountTokensParams;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.TextBlockParam;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Images and PDFs through the Anthropic SDK, for an upstream configured to take them. */
@ExtendWith(DropwizardExtensionsSupport.class)
class AnthropicMediaTest {
    @RegisterExtension
    static final StubUpstream UPSTREAM = StubUpstream.startOrFail();
    private static final DropwizardAppExtension<OptoantConfiguration> APP = new DropwizardAppExtension<>(
            OptoantApplication.class, GatewayTestSupport.CONFIG, GatewayTestSupport.overrides(UPSTREAM.baseUrl(),
                    ConfigOverride.config("anthropic.imagesSupported", "true"),
                    ConfigOverride.config("anthropic.pdfSupported", "true"),
                    ConfigOverride.config("requestLog.enabled", "false")));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PDF_BASE64 = "JVBERi0xLjQKJeLjz9MK";
    private static final String PNG_BASE64 = "iVBORw0KGgo=";

    private AnthropicClient sdk() {
        return AnthropicOkHttpClient.builder()
                .baseUrl("http://localhost:" + APP.getLocalPort() + "/anthropic")
                .apiKey("sk-ant-media")
                .maxRetries(0)
                .build();
    }

    private static List<ContentBlockParam> pdfImageAndQuestion() {
        return List.of(
                ContentBlockParam.ofDocument(DocumentBlockParam.builder()
                        .source(Base64PdfSource.builder().data(PDF_BASE64).build())
                        .title("Invoice 42").context("Amounts in EUR").build()),
                ContentBlockParam.ofImage(ImageBlockParam.builder().source(Base64ImageSource.builder()
                        .data(PNG_BASE64).mediaType(Base64ImageSource.MediaType.IMAGE_PNG).build()).build()),
                ContentBlockParam.ofText(TextBlockParam.builder().text("What is the total?").build()));
    }

    @Test
    void pdfAndImageReachTheUpstreamAsFileAndImageParts() throws Exception {
        UPSTREAM.route("/v1/chat/completions", ex -> StubUpstream.send(ex, 200, "application/json", """
                {"id":"x","choices":[{"index":0,"message":{"role":"assistant","content":"42 EUR"},
                "finish_reason":"stop"}],"usage":{"prompt_tokens":1600,"completion_tokens":3}}"""));

        Message message = sdk().messages().create(MessageCreateParams.builder().model("claude-sonnet-4-5")
                .maxTokens(100).addUserMessageOfContentBlockParams(pdfImageAndQuestion()).build());

        assertThat(message.content().get(0).text().orElseThrow().text()).isEqualTo("42 EUR");
        JsonNode parts = JSON.readTree(UPSTREAM.last().body()).get("messages").get(0).get("content");
        assertThat(parts).hasSize(4);
        assertThat(parts.get(0).get("text").asText()).isEqualTo("Amounts in EUR");
        assertThat(parts.get(1).get("type").asText()).isEqualTo("file");
        assertThat(parts.get(1).get("file").get("filename").asText()).isEqualTo("Invoice 42.pdf");
        assertThat(parts.get(1).get("file").get("file_data").asText())
                .isEqualTo("data:application/pdf;base64," + PDF_BASE64);
        assertThat(parts.get(2).get("image_url").get("url").asText()).isEqualTo("data:image/png;base64," + PNG_BASE64);
        assertThat(parts.get(3).get("text").asText()).isEqualTo("What is the total?");
    }

    @Test
    void countTokensCountsAPdfAsAtLeastOnePage() {
        long tokens = sdk().messages().countTokens(MessageCountTokensParams.builder().model("claude-sonnet-4-5")
                .addUserMessageOfContentBlockParams(pdfImageAndQuestion()).build()).inputTokens();

        assertThat(tokens).isGreaterThan(1_500 + 85);
    }

    @Test
    void aPdfByUrlIsRefusedWithAnAnthropicError() {
        MessageCreateParams params = MessageCreateParams.builder().model("claude-sonnet-4-5").maxTokens(100)
                .addUserMessageOfContentBlockParams(List.of(ContentBlockParam.ofDocument(DocumentBlockParam.builder()
                        .urlSource("https://example.com/a.pdf").build()))).build();

        assertThatThrownBy(() -> sdk().messages().create(params))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.getMessage())
                        .contains("a PDF given by URL can't be forwarded; send it as a base64 source"));
        assertThat(UPSTREAM.received()).isEmpty();
    }
}
