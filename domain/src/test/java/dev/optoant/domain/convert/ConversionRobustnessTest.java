package dev.optoant.domain.convert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.optoant.domain.anthropic.MessagesRequest;
import dev.optoant.domain.error.ErrorKind;
import dev.optoant.domain.error.GatewayException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No parsed request, however mangled, makes the conversion throw anything but an INVALID_REQUEST: every node of
 * every golden request is in turn removed, nulled or swapped for a value of another shape.
 */
class ConversionRobustnessTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<JsonNode> REPLACEMENTS = List.of(
            NODES.nullNode(), NODES.textNode(""), NODES.textNode("zz"), NODES.numberNode(-1), NODES.booleanNode(true),
            NODES.arrayNode(), NODES.arrayNode().add(NODES.nullNode()), NODES.objectNode(),
            NODES.objectNode().put("type", "text"));
    private static final ConversionSettings OPEN_UPSTREAM = new ConversionSettings(
            ConversionSettings.deepSeekDefaults().routes(), "m", Map.of(), true, true, UpstreamDialect.OPENAI);

    static List<String> cases() throws IOException {
        return AnthropicToOpenAiGoldenTest.cases().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyMutationConvertsOrIsAnInvalidRequest(String name) throws IOException {
        JsonNode original = AnthropicToOpenAiGoldenTest.MAPPER.readTree(Files.readString(
                AnthropicToOpenAiGoldenTest.directory().resolve(name + AnthropicToOpenAiGoldenTest.ANTHROPIC)));
        List<AnthropicToOpenAi> converters = List.of(new AnthropicToOpenAi(ConversionSettings.deepSeekDefaults()),
                new AnthropicToOpenAi(OPEN_UPSTREAM));
        List<String> failures = new ArrayList<>();
        int[] tried = {0};

        mutations(original, mutated -> {
            MessagesRequest request;
            try {
                request = AnthropicToOpenAiGoldenTest.MAPPER.treeToValue(mutated, MessagesRequest.class);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                return; // refused while parsing, before the conversion sees it
            }
            for (AnthropicToOpenAi converter : converters) {
                tried[0]++;
                try {
                    converter.convert(request);
                    converter.convertForTokenCount(request);
                } catch (GatewayException e) {
                    if (e.kind() != ErrorKind.INVALID_REQUEST) {
                        failures.add(e.kind() + " for " + mutated);
                    }
                } catch (RuntimeException | StackOverflowError e) {
                    failures.add(e + " for " + mutated);
                }
            }
        });

        assertThat(tried[0]).isPositive();
        assertThat(failures).isEmpty();
    }

    /** Feeds each single-node mutation of the tree to the consumer; the original is restored between them. */
    private static void mutations(JsonNode root, Consumer<JsonNode> consumer) {
        walk(root, root, consumer);
    }

    private static void walk(JsonNode root, JsonNode node, Consumer<JsonNode> consumer) {
        if (node instanceof ObjectNode object) {
            for (String field : new ArrayList<>(object.properties().stream().map(e -> e.getKey()).toList())) {
                JsonNode value = object.get(field);
                object.remove(field);
                consumer.accept(root);
                for (JsonNode replacement : REPLACEMENTS) {
                    object.set(field, replacement.deepCopy());
                    consumer.accept(root);
                }
                object.set(field, value);
                walk(root, value, consumer);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                array.remove(i);
                consumer.accept(root);
                array.insert(i, value);
                for (JsonNode replacement : REPLACEMENTS) {
                    array.set(i, replacement.deepCopy());
                    consumer.accept(root);
                }
                array.set(i, value);
                walk(root, value, consumer);
            }
        }
    }
}
