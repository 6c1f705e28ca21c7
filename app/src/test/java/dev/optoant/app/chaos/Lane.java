package dev.optoant.app.chaos;

/** The four ways a client reaches the upstream through the gateway. */
enum Lane {
    OPENAI_JSON("/v1/chat/completions", false),
    OPENAI_STREAM("/v1/chat/completions", true),
    ANTHROPIC_JSON("/anthropic/v1/messages", false),
    ANTHROPIC_STREAM("/anthropic/v1/messages", true);

    final String path;
    final boolean stream;

    Lane(String path, boolean stream) {
        this.path = path;
        this.stream = stream;
    }

    boolean anthropic() {
        return path.startsWith("/anthropic");
    }

    String body() {
        return anthropic()
                ? "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
                        + "\"stream\":" + stream + "}"
                : "{\"model\":\"deepseek-chat\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"stream\":" + stream + "}";
    }
}
