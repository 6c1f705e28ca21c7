package dev.optoant.domain.convert;

/** Reduces {@code metadata.user_id} to what OpenAI-compatible upstreams take as {@code user}. */
final class UserIds {
    /** DeepSeek rejects {@code user} values with characters outside {@code [A-Za-z0-9_-]} or longer than 64. */
    static final int MAX_LENGTH = 64;

    private UserIds() {
    }

    /** The id with every other character dropped and cut to {@link #MAX_LENGTH}; null when nothing is left. */
    static String reduce(String userId) {
        if (userId == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(userId.length(), MAX_LENGTH));
        for (int i = 0; i < userId.length() && out.length() < MAX_LENGTH; i++) {
            char c = userId.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
                out.append(c);
            }
        }
        return out.isEmpty() ? null : out.toString();
    }
}
