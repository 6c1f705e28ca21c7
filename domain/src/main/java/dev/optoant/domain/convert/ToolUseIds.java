package dev.optoant.domain.convert;

/**
 * Ids for tool calls the upstream sent without one. They are derived from the message id (random per answer) and
 * the call's position, so they are unique in a conversation and the same whether the answer was streamed or not.
 */
final class ToolUseIds {
    private static final String MESSAGE_PREFIX = "msg_";

    private ToolUseIds() {
    }

    static String forCall(String messageId, int position) {
        String base = messageId.startsWith(MESSAGE_PREFIX) ? messageId.substring(MESSAGE_PREFIX.length()) : messageId;
        return "toolu_" + base + "_" + position;
    }
}
