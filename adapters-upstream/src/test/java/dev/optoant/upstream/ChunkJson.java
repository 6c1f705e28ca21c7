package dev.optoant.upstream;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Random Chat Completions chunk JSON for the decoder's differential tests: the shapes upstreams send (text,
 * reasoning, tool calls with split arguments, usage in its OpenAI and DeepSeek spellings, usage-only chunks) with
 * nulls, unknown fields at every level, repeated fields, escapes and surrogate pairs; and, when asked, values of
 * any shape in any field and broken JSON.
 */
final class ChunkJson {
    private static final String[] PIECES = {"a", "Hello", " ", "world", "42", "\\n", "\\\"", "\\\\", "\\/", "\\t",
        "\\u00e9", "\\u4e2d", "\\ud83d\\ude00", "\\ud800", "\\udc00x", "\\u0000", "é", "漢字", "😀", "{\\\"path\\\":",
        "\\\"/tmp/a b\\\"", "}", "<think>", "\\r\\n", "\\b\\f"};
    /** Names no record has, one spelled as an escape and one empty. */
    private static final String[] UNKNOWN_NAMES = {"logprobs", "refusal", "obfuscation", "index2", "\\u00e9", ""};
    private static final String[] FINISH = {"stop", "length", "tool_calls", "content_filter",
        "insufficient_system_resource"};
    private static final String[] NUMBERS = {"0", "-1", "1.5", "-0.0", "1e3", "1.50E-7", "2147483648",
        "9223372036854775807", "9223372036854775808", "-9223372036854775809", "123456789012345678901234567890",
        "1.7976931348623157e309", "0.1e-400"};

    private final Random random;
    private final boolean anyShape;

    /** Well-shaped chunks only ({@code anyShape} false), or chunks whose values may have any shape and break. */
    ChunkJson(Random random, boolean anyShape) {
        this.random = random;
        this.anyShape = anyShape;
    }

    String chunk() {
        Fields fields = new Fields();
        String id = "chatcmpl-" + random.nextInt(1000);
        if (chance(90)) {
            fields.add("id", () -> chance(95) ? quoted(id) : stringValue());
        }
        if (chance(60)) {
            fields.add("object", () -> "\"chat.completion.chunk\"");
        }
        if (chance(60)) {
            fields.add("created", () -> String.valueOf(1_760_000_000L + random.nextInt(1000)));
        }
        if (chance(80)) {
            fields.add("model", () -> chance(90) ? "\"deepseek-chat\"" : stringValue());
        }
        if (chance(30)) {
            fields.add("system_fingerprint", () -> chance(50) ? "null" : "\"fp_1\"");
        }
        if (chance(90)) {
            fields.add("choices", () -> list(this::choice));
        }
        if (chance(50)) {
            fields.add("usage", () -> chance(40) ? "null" : object(this::usage));
        }
        String json = fields.json();
        if (anyShape && chance(5)) {
            return broken(json);
        }
        return json;
    }

    private String choice() {
        Fields fields = new Fields();
        if (chance(90)) {
            fields.add("index", this::intValue);
        }
        if (chance(90)) {
            fields.add("delta", () -> chance(10) ? "null" : object(this::delta));
        }
        if (chance(50)) {
            fields.add("logprobs", () -> "null");
        }
        if (chance(70)) {
            fields.add("finish_reason", () -> chance(70) ? "null" : quoted(pick(FINISH)));
        }
        return fields.json();
    }

    private String delta() {
        Fields fields = new Fields();
        if (chance(20)) {
            fields.add("role", () -> chance(90) ? "\"assistant\"" : stringValue());
        }
        if (chance(60)) {
            fields.add("content", this::stringValue);
        }
        if (chance(40)) {
            fields.add("reasoning_content", this::stringValue);
        }
        if (chance(30)) {
            fields.add("tool_calls", () -> list(this::toolCall));
        }
        return fields.json();
    }

    private String toolCall() {
        Fields fields = new Fields();
        if (chance(90)) {
            fields.add("index", this::intValue);
        }
        if (chance(40)) {
            fields.add("id", () -> chance(80) ? quoted("call_" + random.nextInt(100)) : stringValue());
        }
        if (chance(40)) {
            fields.add("type", () -> chance(80) ? "\"function\"" : stringValue());
        }
        if (chance(90)) {
            fields.add("function", () -> chance(10) ? "null" : object(this::function));
        }
        return fields.json();
    }

    private String function() {
        Fields fields = new Fields();
        if (chance(40)) {
            fields.add("name", () -> chance(80) ? "\"Edit\"" : stringValue());
        }
        if (chance(80)) {
            fields.add("arguments", this::stringValue);
        }
        return fields.json();
    }

    private String usage() {
        Fields fields = new Fields();
        for (String name : List.of("prompt_tokens", "completion_tokens", "total_tokens", "prompt_cache_hit_tokens",
                "prompt_cache_miss_tokens")) {
            if (chance(70)) {
                fields.add(name, this::longValue);
            }
        }
        if (chance(40)) {
            fields.add("prompt_tokens_details", () -> chance(20) ? "null" : object(() -> details("cached_tokens")));
        }
        if (chance(40)) {
            fields.add("completion_tokens_details",
                    () -> chance(20) ? "null" : object(() -> details("reasoning_tokens")));
        }
        return fields.json();
    }

    private String details(String name) {
        Fields fields = new Fields();
        if (chance(80)) {
            fields.add(name, this::longValue);
        }
        return fields.json();
    }

    private String stringValue() {
        int roll = random.nextInt(100);
        if (roll < 70) {
            return quoted(text());
        }
        if (roll < 80) {
            return "null";
        }
        if (roll < 90) {
            return pick(NUMBERS);
        }
        if (roll < 95 || !anyShape) {
            return chance(50) ? "true" : "false";
        }
        return odd();
    }

    private String intValue() {
        int roll = random.nextInt(100);
        if (roll < 75) {
            return String.valueOf(random.nextInt(4));
        }
        if (roll < 85 || !anyShape) {
            return chance(50) ? "null" : String.valueOf(chance(50) ? Integer.MAX_VALUE : Integer.MIN_VALUE);
        }
        if (chance(50)) {
            return pick(NUMBERS);
        }
        return chance(50) ? quoted(pick(new String[] {"3", "", " 4 ", "x", "null"})) : odd();
    }

    private String longValue() {
        int roll = random.nextInt(100);
        if (roll < 75) {
            return String.valueOf(random.nextInt(100_000));
        }
        if (roll < 85 || !anyShape) {
            return chance(50) ? "null" : String.valueOf(chance(50) ? Long.MAX_VALUE : 1L + Integer.MAX_VALUE);
        }
        return chance(50) ? pick(NUMBERS) : chance(50) ? quoted(pick(new String[] {"12", "", " 7", "1e3"})) : odd();
    }

    /** A value for a record or list field: the generator's, or now and then one of another shape. */
    private String object(Generator fields) {
        return anyShape && chance(3) ? odd() : fields.next();
    }

    private String list(Generator element) {
        if (anyShape && chance(3)) {
            return odd();
        }
        if (chance(5)) {
            return "null";
        }
        List<String> elements = new ArrayList<>();
        int count = chance(80) ? 1 : random.nextInt(4);
        for (int i = 0; i < count; i++) {
            elements.add(chance(5) ? "null" : anyShape && chance(3) ? odd() : element.next());
        }
        return "[" + String.join(space(","), elements) + "]";
    }

    private String odd() {
        return pick(new String[] {"\"\"", "\"x\"", "1", "1.5", "true", "[]", "[{}]", "{}", "[\"x\"]", "[null]",
            "{\"a\":[1,{\"b\":null}]}"});
    }

    /** Any JSON value, nested at most {@code depth} deep. */
    private String any(int depth) {
        int roll = random.nextInt(depth > 0 ? 8 : 5);
        return switch (roll) {
            case 0 -> "null";
            case 1 -> chance(50) ? "true" : "false";
            case 2 -> pick(NUMBERS);
            case 3, 4 -> quoted(text());
            case 5, 6 -> {
                List<String> fields = new ArrayList<>();
                for (int i = random.nextInt(3); i > 0; i--) {
                    fields.add(field(chance(50) ? "id" : "k" + i, any(depth - 1)));
                }
                yield object(fields);
            }
            default -> {
                List<String> elements = new ArrayList<>();
                for (int i = random.nextInt(3); i > 0; i--) {
                    elements.add(any(depth - 1));
                }
                yield "[" + String.join(",", elements) + "]";
            }
        };
    }

    private String text() {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(5); i > 0; i--) {
            text.append(pick(PIECES));
        }
        return text.toString();
    }

    /** Truncated, with a byte dropped or with something after the object. */
    private String broken(String json) {
        return switch (random.nextInt(3)) {
            case 0 -> json.substring(0, random.nextInt(json.length()));
            case 1 -> {
                int at = random.nextInt(json.length());
                yield json.substring(0, at) + json.substring(at + 1);
            }
            default -> json + pick(new String[] {" ", "x", "{", "}", "[DONE]", "\n{\"id\":\"b\"}"});
        };
    }

    private String object(List<String> fields) {
        return "{" + space("") + String.join(space(","), fields) + space("") + "}";
    }

    private String field(String name, String value) {
        return quoted(name) + space(":") + value;
    }

    private String space(String separator) {
        return chance(90) ? separator : " " + separator + pick(new String[] {" ", "\n", "\t", "\r\n "});
    }

    private static String quoted(String escapedText) {
        return "\"" + escapedText + "\"";
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    /**
     * The fields of one object: the known ones added, unknown ones, and now and then a known one again with a value
     * of its own, in random order.
     */
    private final class Fields {
        private final List<String> fields = new ArrayList<>();
        private final List<Generator> again = new ArrayList<>();

        void add(String name, Generator value) {
            fields.add(field(name, value.next()));
            again.add(() -> field(name, value.next()));
        }

        String json() {
            while (chance(25)) {
                fields.add(field(chance(50) ? "x_" + random.nextInt(10) : pick(UNKNOWN_NAMES), any(3)));
            }
            if (!again.isEmpty() && chance(10)) {
                fields.add(again.get(random.nextInt(again.size())).next());
            }
            Collections.shuffle(fields, random);
            return object(fields);
        }
    }

    /** Makes one JSON value. */
    @FunctionalInterface
    private interface Generator {
        String next();
    }
}
