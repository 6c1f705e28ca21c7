package dev.optoant.domain.convert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ToolArgumentsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void missingEmptyAndBlankArgumentsAreAnEmptyObject() {
        assertThat(ToolArguments.parse(null)).isEqualTo(JSON.createObjectNode());
        assertThat(ToolArguments.parse("")).isEqualTo(JSON.createObjectNode());
        assertThat(ToolArguments.parse(" \n")).isEqualTo(JSON.createObjectNode());
    }

    @Test
    void anObjectIsTheInputAsItIs() throws Exception {
        assertThat(ToolArguments.parse("{\"a\": [1, {\"b\": null}], \"c\": \"}\"}"))
                .isEqualTo(JSON.readTree("{\"a\":[1,{\"b\":null}],\"c\":\"}\"}"));
    }

    static Stream<Arguments> nonObjects() {
        return Stream.of(Arguments.of("[1,2]", "[1,2]"), Arguments.of("\"s\"", "\"s\""), Arguments.of("7", "7"),
                Arguments.of("false", "false"), Arguments.of("null", "null"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nonObjects")
    void anyOtherJsonValueIsWrappedUnderValue(String arguments, String value) throws Exception {
        assertThat(ToolArguments.parse(arguments)).isEqualTo(JSON.createObjectNode().set("value", JSON.readTree(value)));
    }

    static Stream<Arguments> truncations() {
        return Stream.of(
                Arguments.of("{\"a\":\"hel", "{\"a\":\"hel\"}"),
                Arguments.of("{\"a\":[1,2", "{\"a\":[1,2]}"),
                Arguments.of("{\"a\":1,", "{\"a\":1}"),
                Arguments.of("{\"a\":1, \n", "{\"a\":1}"),
                Arguments.of("{\"a\":", "{\"a\":null}"),
                Arguments.of("{\"a\":tr", "{\"a\":true}"),
                Arguments.of("{\"a\":f", "{\"a\":false}"),
                Arguments.of("{\"a\":nu", "{\"a\":null}"),
                Arguments.of("{\"a\":-1.5e", "{\"a\":-1.5}"),
                Arguments.of("{\"a\":-", "{\"a\":null}"),
                Arguments.of("{\"a\":1,\"b\"", "{\"a\":1}"),
                Arguments.of("{\"a", "{}"),
                Arguments.of("{", "{}"),
                Arguments.of("[", "[]"),
                Arguments.of("{\"s\":\"x\\", "{\"s\":\"x\"}"),
                Arguments.of("{\"s\":\"x\\u00e", "{\"s\":\"x\"}"),
                Arguments.of("{\"s\":\"x\\u00e9", "{\"s\":\"x\\u00e9\"}"),
                Arguments.of("{\"s\":\"a \\\"quoted\\\" {brace", "{\"s\":\"a \\\"quoted\\\" {brace\"}"),
                Arguments.of("  {\"a\":{\"b\":[{\"c\":\"d\"", "  {\"a\":{\"b\":[{\"c\":\"d\"}]}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("truncations")
    void simpleTruncationIsRepaired(String cut, String repaired) throws Exception {
        assertThat(ToolArguments.repair(cut)).isEqualTo(repaired);
        JsonNode expected = JSON.readTree(repaired);
        ObjectNode input = ToolArguments.parse(cut);
        assertThat(input).isEqualTo(expected.isObject() ? expected : JSON.createObjectNode().set("value", expected));
    }

    @Test
    void repairThatOnlyAddsKeepsTheTextAsItsPrefix() {
        assertThat(ToolArguments.repair("{\"content\":\"print(1)\\nprint(2")).isEqualTo("{\"content\":\"print(1)\\nprint(2\"}");
        assertThat(ToolArguments.repair("[{\"a\":[")).isEqualTo("[{\"a\":[]}]");
    }

    static Stream<String> beyondRepair() {
        return Stream.of("not json", "{\"a\":1}}", "{'a': 1}", "{\"a\":1} trailing", "\"open string", "42 x",
                "{\"a\":}", "]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("beyondRepair")
    void textBeyondRepairIsKeptRawUnderRaw(String arguments) {
        assertThat(ToolArguments.parse(arguments)).isEqualTo(JSON.createObjectNode().put("_raw", arguments));
    }

    @Test
    void completeOrNonStructuredTextIsNotRepaired() {
        assertThat(ToolArguments.repair("{\"a\":1}")).isNull();
        assertThat(ToolArguments.repair("\"text")).isNull();
        assertThat(ToolArguments.repair("   ")).isNull();
    }

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    /** Any prefix of a JSON object repairs to a JSON object or not at all, and parsing never throws. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyPrefixOfAnObjectRepairsToAnObjectOrNothing(long seed) throws Exception {
        Random random = new Random(seed);
        String json = RandomJson.object(random, 3).toString();
        for (int end = 1; end < json.length(); end++) {
            String prefix = json.substring(0, end);
            String repaired = ToolArguments.repair(prefix);
            if (repaired != null) {
                assertThat(JSON.readTree(repaired).isObject()).as(prefix).isTrue();
            }
            assertThat(ToolArguments.parse(prefix)).as(prefix).isNotNull();
        }
        assertThat(ToolArguments.parse(json)).isEqualTo(JSON.readTree(json));
    }
}
