package dev.optoant.domain.convert;

import java.util.regex.Pattern;

/**
 * One alias rule: a glob over the model name a client asks for ({@code *} any run of characters, {@code ?} one
 * character, case-insensitive) and the upstream model it maps to.
 */
public record ModelRoute(String pattern, String upstreamModel) {
    public ModelRoute {
        if (pattern == null || pattern.isBlank() || upstreamModel == null || upstreamModel.isBlank()) {
            throw new IllegalArgumentException("a model route needs a pattern and an upstream model");
        }
    }

    public boolean matches(String requestedModel) {
        return compiled().matcher(requestedModel).matches();
    }

    private Pattern compiled() {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }
}
