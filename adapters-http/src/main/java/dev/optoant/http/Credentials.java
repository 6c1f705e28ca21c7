package dev.optoant.http;

/** The client's credential: {@code x-api-key}, else the token of {@code Authorization: Bearer}. */
final class Credentials {
    private Credentials() {
    }

    static String from(String apiKey, String authorization) {
        if (apiKey != null && !apiKey.isBlank()) {
            return apiKey.strip();
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).strip();
            return token.isEmpty() ? null : token;
        }
        return null;
    }
}
