package dev.optoant.app.chaos;

/** OpenAI Chat Completions wire text: stream chunks, {@code [DONE]} and whole completions. */
final class Sse {
    static final String DONE = "data: [DONE]\n\n";

    private Sse() {
    }

    static String chunk(String content, String finishReason) {
        return "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"deepseek-chat\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + content + "\"},\"finish_reason\":"
                + quotedOrNull(finishReason) + "}]}\n\n";
    }

    static String completion(String content, String finishReason) {
        return "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"deepseek-chat\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + content
                + "\"},\"finish_reason\":" + quotedOrNull(finishReason) + "}],"
                + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2,\"total_tokens\":5}}";
    }

    private static String quotedOrNull(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
