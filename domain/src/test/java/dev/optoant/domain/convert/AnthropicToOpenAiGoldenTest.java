package dev.optoant.domain.convert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optoant.domain.anthropic.MessagesRequest;
import dev.optoant.domain.openai.ChatCompletionRequest;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each {@code golden/request/<case>.anthropic.json} converts to exactly {@code <case>.openai.json}; see the README. */
class AnthropicToOpenAiGoldenTest {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String ANTHROPIC = ".anthropic.json";
    static final String OPENAI = ".openai.json";
    static final String SETTINGS = ".settings.json";

    static Path directory() {
        try {
            return Path.of(Objects.requireNonNull(AnthropicToOpenAiGoldenTest.class.getResource("/golden/request"),
                    "golden/request on the test classpath").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(directory())) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(ANTHROPIC))
                    .map(name -> name.substring(0, name.length() - ANTHROPIC.length()))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    /** DeepSeek defaults, with the fields of an optional {@code <case>.settings.json} sidecar overriding them. */
    static ConversionSettings settingsFor(String name) throws IOException {
        ConversionSettings defaults = ConversionSettings.deepSeekDefaults();
        Path sidecar = directory().resolve(name + SETTINGS);
        if (!Files.exists(sidecar)) {
            return defaults;
        }
        JsonNode overrides = MAPPER.readTree(sidecar.toFile());
        return new ConversionSettings(defaults.routes(), defaults.defaultModel(), defaults.maxOutputTokens(),
                overrides.path("imagesSupported").asBoolean(defaults.imagesSupported()),
                overrides.path("pdfSupported").asBoolean(defaults.pdfSupported()),
                UpstreamDialect.valueOf(overrides.path("dialect").asText(defaults.dialect().name())));
    }

    static MessagesRequest request(String name) throws IOException {
        return MAPPER.readValue(directory().resolve(name + ANTHROPIC).toFile(), MessagesRequest.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void convertsToTheRecordedOpenAiRequest(String name) throws IOException {
        ChatCompletionRequest converted = new AnthropicToOpenAi(settingsFor(name)).convert(request(name));

        JsonNode actual = MAPPER.readTree(MAPPER.writeValueAsString(converted));
        JsonNode expected = MAPPER.readTree(directory().resolve(name + OPENAI).toFile());
        List<String> differences = JsonTreeDiff.between(expected, actual);
        assertThat(differences)
                .as("%s differs from %s%s:%n%s%nactual:%n%s", name, name, OPENAI, String.join("\n", differences),
                        MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(actual))
                .isEmpty();
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void everyCaseHasBothFilesAndNothingElseLiesAround() throws IOException {
        List<String> names = cases().toList();
        try (Stream<Path> files = Files.list(directory())) {
            assertThat(files.map(file -> file.getFileName().toString()).filter(file -> !file.equals("README.md")))
                    .allSatisfy(file -> assertThat(names).as("case of " + file).contains(caseOf(file)));
        }
        assertThat(names).allSatisfy(name -> assertThat(directory().resolve(name + OPENAI)).exists());
    }

    @Test
    void coversEveryRequiredBehaviour() throws IOException {
        assertThat(cases().toList()).contains(
                "system-string", "system-blocks-with-cache-control", "system-role-in-messages-with-output-config",
                "system-role-between-tool-use-and-result", "user-text-blocks-joined", "images-url-and-base64",
                "text-document", "tools-basic", "tools-with-dollar-schema-and-defer-loading", "server-tool-dropped",
                "tool-choice-auto", "tool-choice-any", "tool-choice-tool", "tool-choice-none",
                "tool-choice-disable-parallel", "assistant-text-and-tool-use", "tool-use-and-results-ordering",
                "tool-result-is-error", "tool-result-content-array", "thinking-blocks-sent-back",
                "deepseek-placeholder-reasoning", "openai-dialect-drops-reasoning", "max-tokens-clamped-128000",
                "metadata-user-id-json-string", "thinking-enabled-budget", "thinking-disabled", "thinking-adaptive",
                "streaming-adds-stream-options", "model-alias-opus", "model-alias-sonnet", "model-alias-haiku",
                "model-alias-unknown", "top-k-dropped-stop-sequences", "unknown-top-level-fields",
                "claude-code-agent-turn");
    }

    private static String caseOf(String file) {
        for (String suffix : List.of(ANTHROPIC, OPENAI, SETTINGS)) {
            if (file.endsWith(suffix)) {
                return file.substring(0, file.length() - suffix.length());
            }
        }
        return file;
    }
}
