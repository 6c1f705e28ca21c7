package dev.optoant.domain.convert;

import dev.optoant.domain.openai.ToolCall;
import java.util.ArrayList;
import java.util.List;

/** The tool calls of one stream in order of appearance, found by {@code index} or, lacking one, by id. */
final class StreamedToolCalls {
    private final List<StreamedToolCall> calls = new ArrayList<>();

    /**
     * The call a fragment continues, or null when it starts a new one. Some servers send whole calls without an
     * index: then a known id is that call, a new id a new call, and no id the latest call.
     */
    StreamedToolCall find(ToolCall fragment) {
        Integer index = fragment.index();
        String id = fragment.id();
        boolean anonymous = id == null || id.isEmpty();
        for (int i = calls.size() - 1; i >= 0; i--) {
            StreamedToolCall call = calls.get(i);
            if (index != null ? call.key == index : !anonymous && call.hasId(id)) {
                return call;
            }
        }
        return index == null && anonymous && !calls.isEmpty() ? calls.getLast() : null;
    }

    /** A new call for a fragment that {@link #find} did not place; calls without an index get negative keys. */
    StreamedToolCall register(ToolCall fragment) {
        int key = fragment.index() != null ? fragment.index() : -1 - calls.size();
        StreamedToolCall call = new StreamedToolCall(key, calls.size());
        calls.add(call);
        return call;
    }
}
