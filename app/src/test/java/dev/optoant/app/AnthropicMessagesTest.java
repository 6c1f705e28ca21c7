package dev.optoant.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.ErrorType;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCountTokensParams;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.models.ModelInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Anthropic Messages API end to end: official Anthropic SDK → gateway → OpenAI-format stub upstream. */
@ExtendWith(DropwizardExtensionsSupport.class)
class AnthropicMessagesTest {
    @RegisterExtension
    static final StubUpstream UPSTREAM = StubUpstream.startOrFail();
    private static final DropwizardAppExtension<OptoantConfiguration> APP = new DropwizardAppExtension<>(
            OptoantApplication.class, GatewayTestSupport.CONFIG, GatewayTestSupport.overrides(UPSTREAM.baseUrl()));
    private static final ObjectMapper JSON = new ObjectMapper();



    private AnthropicClient sdk() {
        return AnthropicOkHttpClient.builder()
                .baseUrl("http://localhost:" + APP.getLocalPort() + "/anthropic")
                .apiKey("sk-ant-client")
                .maxRetries(0)
                .build();
    }

    private static MessageCreateParams.Builder hello(String model) {
        return MessageCreateParams.builder().model(model).maxTokens(32000).addUserMessage("Hello!");
    }

    private JsonNode lastUpstreamBody() throws Exception {
        return JSON.readTree(UPSTREAM.last().body());
    }

    @Test
    void nonStreamingMessageComesBackInAnthropicShape() throws Exception {
        UPSTREAM.route("/v1/chat/completions", ex -> StubUpstream.send(ex, 200, "application/json", """
                {"id":"x","object":"chat.completion","model":"deepseek-chat","choices":[{"index":0,
                "message":{"role":"assistant","content":"Hi there!"},"finish_reason":"stop"}],
                "usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15,"prompt_cache_hit_tokens":4}}"""));

        Message message = sdk().messages().create(hello("claude-sonnet-4-5").system("Be brief.").build());

        assertThat(message.id()).startsWith("msg_");
        assertThat(message.model().asString()).isEqualTo("claude-sonnet-4-5");
        assertThat(message.content()).hasSize(1);
        assertThat(message.content().get(0).text().orElseThrow().text()).isEqualTo("Hi there!");
        assertThat(message.stopReason()).contains(StopReason.END_TURN);
        assertThat(message.usage().inputTokens()).isEqualTo(8);
        assertThat(message.usage().cacheReadInputTokens()).contains(4L);
        assertThat(message.usage().outputTokens()).isEqualTo(3);

        JsonNode sent = lastUpstreamBody();
        assertThat(sent.get("model").asText()).isEqualTo("deepseek-chat");
        assertThat(sent.get("max_tokens").asInt()).as("clamped to the model's limit").isEqualTo(8192);
        assertThat(sent.get("messages").get(0).get("role").asText()).isEqualTo("system");
        assertThat(UPSTREAM.last().headers().getFirst("Authorization")).isEqualTo("Bearer sk-ant-client");
        assertThat(UPSTREAM.last().headers().getFirst("anthropic-version")).isNull();
    }

    @Test
    void streamedMessageAccumulatesInTheSdk() throws Exception {
        UPSTREAM.route("/v1/chat/completions", ex -> {
            OutputStream out = StubUpstream.startSse(ex);
            StubUpstream.event(out, data("{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"reasoning_content\":\"Let me think\"}}]}"));
            StubUpstream.event(out, ": keep-alive\n\n");
            StubUpstream.event(out, data("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"}}]}"));
            StubUpstream.event(out, data("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo!\"},\"finish_reason\":\"stop\"}]}"));
            StubUpstream.event(out, data("{\"choices\":[],\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":7}}"));
            StubUpstream.event(out, "data: [DONE]\n\n");
        });

        MessageAccumulator accumulator = MessageAccumulator.create();
        try (StreamResponse<RawMessageStreamEvent> stream = sdk().messages().createStreaming(hello("claude-opus-4-5").build())) {
            stream.stream().forEach(accumulator::accumulate);
        }
        Message message = accumulator.message();

        assertThat(message.model().asString()).isEqualTo("claude-opus-4-5");
        assertThat(message.content()).hasSize(2);
        assertThat(message.content().get(0).thinking().orElseThrow().thinking()).isEqualTo("Let me think");
        assertThat(message.content().get(1).text().orElseThrow().text()).isEqualTo("Hello!");
        assertThat(message.stopReason()).contains(StopReason.END_TURN);
        assertThat(message.usage().outputTokens()).isEqualTo(7);
        JsonNode sent = lastUpstreamBody();
        assertThat(sent.get("model").asText()).isEqualTo("deepseek-reasoner");
        assertThat(sent.get("stream").asBoolean()).isTrue();
        assertThat(sent.get("stream_options").get("include_usage").asBoolean()).isTrue();
    }

    @Test
    void toolUseAndToolResultRoundTrip() throws Exception {
        UPSTREAM.route("/v1/chat/completions", ex -> StubUpstream.send(ex, 200, "application/json", """
                {"id":"x","choices":[{"index":0,"message":{"role":"assistant","content":null,
                "reasoning_content":"I need the weather","tool_calls":[{"id":"call_1","type":"function",
                "function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},"finish_reason":"tool_calls"}],
                "usage":{"prompt_tokens":30,"completion_tokens":9}}"""));
        Tool weather = Tool.builder().name("get_weather").description("Weather for a city")
                .inputSchema(Tool.InputSchema.builder()
                        .properties(JsonValue.from(Map.of("city", Map.of("type", "string"))))
                        .required(List.of("city")).build())
                .build();

        Message first = sdk().messages().create(hello("claude-sonnet-4-5").addTool(weather).build());

        ContentBlock toolUse = first.content().stream().filter(ContentBlock::isToolUse).findFirst().orElseThrow();
        assertThat(toolUse.asToolUse().name()).isEqualTo("get_weather");
        assertThat(toolUse.asToolUse()._input().convert(Map.class)).isEqualTo(Map.of("city", "Paris"));
        assertThat(first.stopReason()).contains(StopReason.TOOL_USE);
        assertThat(lastUpstreamBody().get("tools").get(0).get("function").get("name").asText()).isEqualTo("get_weather");

        UPSTREAM.route("/v1/chat/completions", ex -> StubUpstream.send(ex, 200, "application/json", """
                {"id":"y","choices":[{"index":0,"message":{"role":"assistant","content":"It is sunny."},
                "finish_reason":"stop"}],"usage":{"prompt_tokens":50,"completion_tokens":4}}"""));
        Message second = sdk().messages().create(hello("claude-sonnet-4-5").addTool(weather)
                .addMessage(first)
                .addUserMessageOfContentBlockParams(List.of(ContentBlockParam.ofToolResult(ToolResultBlockParam.builder()
                        .toolUseId(toolUse.asToolUse().id()).content("18°C, sunny").build())))
                .build());

        assertThat(second.content().get(0).text().orElseThrow().text()).isEqualTo("It is sunny.");
        JsonNode messages = lastUpstreamBody().get("messages");
        JsonNode assistant = messages.get(messages.size() - 2);
        JsonNode tool = messages.get(messages.size() - 1);
        assertThat(assistant.get("role").asText()).isEqualTo("assistant");
        assertThat(assistant.get("tool_calls").get(0).get("id").asText()).isEqualTo("call_1");
        assertThat(assistant.get("reasoning_content").asText()).isEqualTo("I need the weather");
        assertThat(tool.get("role").asText()).isEqualTo("tool");
        assertThat(tool.get("tool_call_id").asText()).isEqualTo("call_1");
        assertThat(tool.get("content").asText()).isEqualTo("18°C, sunny");
    }

    @Test
    void countTokensUsesTheLocalTokenizer() {
        long tokens = sdk().messages().countTokens(MessageCountTokensParams.builder()
                .model("claude-sonnet-4-5").addUserMessage("The quick brown fox jumps over the lazy dog.").build())
                .inputTokens();

        assertThat(tokens).isBetween(10L, 30L);
        assertThat(UPSTREAM.received()).as("no upstream call").isEmpty();
    }

    @Test
    void modelsAreListedInAnthropicShape() {
        List<ModelInfo> models = sdk().models().list().data();

        assertThat(models).extracting(ModelInfo::id).contains("claude-sonnet-4-5", "claude-opus-4-5");
        assertThat(sdk().models().retrieve("claude-haiku-4-5").id()).isEqualTo("claude-haiku-4-5");
    }

    @Test
    void upstreamErrorsBecomeTypedSdkErrorsWithTheUpstreamMessage() {
        UPSTREAM.route("/v1/chat/completions", ex -> StubUpstream.send(ex, 429, "application/json",
                "{\"error\":{\"message\":\"Rate limit reached for requests\",\"type\":\"rate_limit\"}}"));
        assertThatThrownBy(() -> sdk().messages().create(hello("claude-sonnet-4-5").build()))
                .isInstanceOfSatisfying(AnthropicServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(429);
                    assertThat(e.errorType()).contains(ErrorType.RATE_LIMIT_ERROR);
                    assertThat(e.getMessage()).contains("Rate limit reached for requests");
                });

        UPSTREAM.route("/v1/chat/completions", ex -> StubUpstream.send(ex, 402, "application/json",
                "{\"error\":{\"message\":\"Insufficient Balance\",\"type\":\"unknown_error\"}}"));
        assertThatThrownBy(() -> sdk().messages().create(hello("claude-sonnet-4-5").build()))
                .isInstanceOfSatisfying(AnthropicServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.errorType()).contains(ErrorType.PERMISSION_ERROR);
                    assertThat(e.getMessage()).contains("Insufficient Balance");
                });

        UPSTREAM.route("/v1/chat/completions", ex -> StubUpstream.send(ex, 503, "application/json",
                "{\"error\":{\"message\":\"Server busy\"}}"));
        assertThatThrownBy(() -> sdk().messages().createStreaming(hello("claude-sonnet-4-5").build()).stream().count())
                .isInstanceOfSatisfying(AnthropicServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(529);
                    assertThat(e.errorType()).contains(ErrorType.OVERLOADED_ERROR);
                });
    }

    private static String data(String json) {
        return "data: " + json + "\n\n";
    }
}
