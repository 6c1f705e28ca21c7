package dev.optoant.domain.convert;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Lists where two JSON trees differ, one line per difference with a JSON Pointer, for readable golden failures. */
final class JsonTreeDiff {
    private JsonTreeDiff() {
    }

    static List<String> between(JsonNode expected, JsonNode actual) {
        List<String> differences = new ArrayList<>();
        walk("", expected, actual, differences);
        return differences;
    }

    private static void walk(String path, JsonNode expected, JsonNode actual, List<String> out) {
        String at = path.isEmpty() ? "/" : path;
        if (expected == null && actual == null || expected != null && expected.equals(actual)) {
            return;
        }
        if (expected == null) {
            out.add(at + ": unexpected " + actual);
        } else if (actual == null) {
            out.add(at + ": missing, expected " + expected);
        } else if (expected.isObject() && actual.isObject()) {
            for (Iterator<String> names = expected.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                walk(path + "/" + name, expected.get(name), actual.get(name), out);
            }
            for (Iterator<String> names = actual.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!expected.has(name)) {
                    walk(path + "/" + name, null, actual.get(name), out);
                }
            }
        } else if (expected.isArray() && actual.isArray()) {
            for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
                walk(path + "/" + i, expected.get(i), actual.get(i), out);
            }
        } else {
            out.add(at + ": expected " + expected + " but was " + actual);
        }
    }
}
