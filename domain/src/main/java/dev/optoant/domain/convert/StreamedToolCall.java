package dev.optoant.domain.convert;

/** One tool call of a stream as its pieces arrive, keyed by the upstream's {@code tool_calls[].index}. */
final class StreamedToolCall {
    /** Waiting for its turn or its name; its block is open; its block is closed. */
    enum State { PENDING, LIVE, CLOSED }

    final int key;
    final int position;
    State state = State.PENDING;
    private String id;
    private String name;
    private final StringBuilder arguments = new StringBuilder();
    private int scanned;
    private int depth;
    private boolean opened;
    private boolean inString;
    private boolean escaped;

    StreamedToolCall(int key, int position) {
        this.key = key;
        this.position = position;
    }

    /** Takes the id and name from the first fragment that carries them; later values are ignored. */
    void learn(String newId, String newName) {
        if (id == null && newId != null && !newId.isEmpty()) {
            id = newId;
        }
        if (name == null && newName != null && !newName.isEmpty()) {
            name = newName;
        }
    }

    void append(String fragment) {
        arguments.append(fragment);
    }

    boolean hasId(String candidate) {
        return candidate.equals(id);
    }

    /** Its block can start once the name is known. */
    boolean ready() {
        return name != null;
    }

    /** An index seen without id, name or arguments: nothing to show. */
    boolean blank() {
        return name == null && id == null && arguments.isEmpty();
    }

    String id(String messageId) {
        return id != null ? id : ToolUseIds.forCall(messageId, position);
    }

    String name() {
        return name != null ? name : "";
    }

    String arguments() {
        return arguments.toString();
    }

    boolean hasArguments() {
        return !arguments.isEmpty();
    }

    /**
     * Whether the arguments so far form a closed JSON object or array, after which nothing more can belong to
     * them. Scans only what arrived since the last call.
     */
    boolean argumentsComplete() {
        for (int n = arguments.length(); scanned < n; scanned++) {
            char c = arguments.charAt(scanned);
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
                opened = true;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return opened && depth <= 0 && !inString;
    }
}
