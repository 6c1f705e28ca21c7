package dev.optoant.domain.convert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.optoant.domain.anthropic.MessagesRequest;
import dev.optoant.domain.anthropic.MessagesRequest.ThinkingConfig;
import dev.optoant.domain.openai.ChatCompletionRequest;
import java.text.MessageFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The small rules the golden files only sample: effort thresholds, user id reduction, schema handling. */
class ConversionPartsTest {

    @ParameterizedTest(name = "budget {0} -> {1}")
    @CsvSource({"1, low", "1024, low", "4095, low", "4096, medium", "16383, medium", "16384, high", "128000, high"})
    void reasoningEffortFollowsTheBudget(int budget, String effort) {
        assertThat(ReasoningOptions.effort(budget)).isEqualTo(effort);
        assertThat(ReasoningOptions.of(new ThinkingConfig("enabled", budget), UpstreamDialect.OPENAI))
                .isEqualTo(new ReasoningOptions(null, effort));
    }

    @Test
    void enabledWithoutBudgetSwitchesThinkingOnWithoutEffort() {
        assertThat(ReasoningOptions.of(new ThinkingConfig("enabled", null), UpstreamDialect.DEEPSEEK))
                .isEqualTo(new ReasoningOptions(new ChatCompletionRequest.ThinkingSwitch("enabled"), null));
        assertThat(ReasoningOptions.of(new ThinkingConfig(null, 5000), UpstreamDialect.DEEPSEEK))
                .isEqualTo(ReasoningOptions.NONE);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(value = {
        "abc_DEF-123|abc_DEF-123",
        "user@example.com|userexamplecom",
        "{\"device_id\":\"d1\",\"session_id\":\"s 2\"}|device_idd1session_ids2",
        "ünïcödé-ok|ncd-ok",
        "!!!|",
        "''|",
    }, delimiter = '|')
    void userIdIsReducedToTheCharactersUpstreamsAccept(String userId, String user) {
        assertThat(UserIds.reduce(userId)).isEqualTo(user);
    }

    @Test
    void userIdIsCutAt64Characters() {
        String reduced = UserIds.reduce("a".repeat(40) + "." + "b".repeat(40));

        assertThat(reduced).hasSize(UserIds.MAX_LENGTH).isEqualTo("a".repeat(40) + "b".repeat(24));
        assertThat(UserIds.reduce(null)).isNull();
    }

    @Test
    void droppingSchemaKeywordLeavesTheClientsSchemaUntouched() throws Exception {
        JsonNode schema = AnthropicToOpenAiGoldenTest.MAPPER.readTree("""
                {"$schema":"http://json-schema.org/draft-07/schema#","type":"object",
                 "properties":{"a":{"type":"string"}}}""");
        String before = schema.toString();

        JsonNode parameters = ToolConverter.parameters(schema);

        assertThat(parameters.has("$schema")).isFalse();
        assertThat(parameters.get("properties")).isEqualTo(schema.get("properties"));
        assertThat(schema.toString()).isEqualTo(before);
    }

    @Test
    void aSchemaWithoutTheKeywordIsPassedOnAsItIs() throws Exception {
        JsonNode schema = AnthropicToOpenAiGoldenTest.MAPPER.readTree("""
                {"type":"object","properties":{},"required":[]}""");

        assertThat(ToolConverter.parameters(schema)).isSameAs(schema);
    }

    @Test
    void theDefaultSchemaIsAFreshObjectEachTime() {
        JsonNode first = ToolConverter.parameters(null);
        ((ObjectNode) first).put("mutated", true);

        assertThat(ToolConverter.parameters(null).toString()).isEqualTo("{\"type\":\"object\",\"properties\":{}}");
    }

    @Test
    void droppedServerToolsAreLoggedAtDebugLevel() throws Exception {
        Logger logger = Logger.getLogger(ToolConverter.class.getName());
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord logRecord) {
                records.add(logRecord);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level previous = logger.getLevel();
        logger.setLevel(Level.FINE);
        logger.addHandler(handler);
        try {
            ToolConverter.tools(List.of(new MessagesRequest.Tool("web_search_20250305", "web_search", null, null),
                    new MessagesRequest.Tool(null, "mine", null, null)));
        } finally {
            logger.removeHandler(handler);
            logger.setLevel(previous);
        }

        assertThat(records).singleElement().satisfies(logRecord -> {
            assertThat(logRecord.getLevel()).isEqualTo(Level.FINE);
            assertThat(MessageFormat.format(logRecord.getMessage(), logRecord.getParameters()))
                    .isEqualTo("dropped server tool web_search of type web_search_20250305");
        });
    }

    @Test
    void conversionDoesNotChangeTheRequest() throws Exception {
        MessagesRequest request = AnthropicToOpenAiGoldenTest.request("claude-code-agent-turn");
        String before = AnthropicToOpenAiGoldenTest.MAPPER.writeValueAsString(request);

        new AnthropicToOpenAi(ConversionSettings.deepSeekDefaults()).convert(request);

        assertThat(AnthropicToOpenAiGoldenTest.MAPPER.writeValueAsString(request)).isEqualTo(before);
    }

    @Test
    void theSameConverterGivesTheSameAnswerTwice() throws Exception {
        AnthropicToOpenAi converter = new AnthropicToOpenAi(ConversionSettings.deepSeekDefaults());
        MessagesRequest request = AnthropicToOpenAiGoldenTest.request("claude-code-agent-turn");

        assertThat(converter.convert(request)).isEqualTo(converter.convert(request));
    }
}
