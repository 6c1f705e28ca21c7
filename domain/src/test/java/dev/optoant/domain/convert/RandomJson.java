package dev.optoant.domain.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;

/** Seeded random JSON and text with the characters that break naive stream handling: quotes, escapes, brackets. */
final class RandomJson {
    private static final String[] PIECES = {"a", "b", "Z", "0", " ", "\"", "\\", "{", "}", "[", "]", ",", ":", "\n",
        "\t", "é", "日本", "😀", "\\u0041", "true", "<tag/>", "'"};
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RandomJson() {
    }

    static String text(Random random, int maxPieces) {
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(maxPieces + 1);
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }

    static ObjectNode object(Random random, int depth) {
        ObjectNode object = NODES.objectNode();
        int fields = random.nextInt(5);
        for (int i = 0; i < fields; i++) {
            object.set(text(random, 3) + i, value(random, depth - 1));
        }
        return object;
    }

    static JsonNode value(Random random, int depth) {
        return switch (random.nextInt(depth > 0 ? 8 : 6)) {
            case 0 -> NODES.textNode(text(random, 6));
            case 1 -> NODES.numberNode(random.nextInt(2001) - 1000);
            case 2 -> NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(12) - 6));
            case 3 -> NODES.booleanNode(random.nextBoolean());
            case 4 -> NODES.nullNode();
            case 5 -> NODES.numberNode(random.nextLong());
            case 6 -> object(random, depth);
            default -> array(random, depth);
        };
    }

    private static ArrayNode array(Random random, int depth) {
        ArrayNode array = NODES.arrayNode();
        int items = random.nextInt(4);
        for (int i = 0; i < items; i++) {
            array.add(value(random, depth - 1));
        }
        return array;
    }
}
