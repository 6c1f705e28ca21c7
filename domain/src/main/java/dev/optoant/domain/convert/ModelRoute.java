package dev.optoant.domain.convert;

import java.util.regex.Pattern;

/**
 * One alias rule: a glob over the model name a client asks for ({@code *} any run of characters, {@code ?} one
 * character, case-insensitive) and the upstream model it maps to.
 */
public final class ModelRoute {
    private final String pattern;
    private final String upstreamModel;
    private final Pattern compiled;

    public ModelRoute(String pattern, String upstreamModel) {
        if (pattern == null || pattern.isBlank() || upstreamModel == null || upstreamModel.isBlank()) {
            throw new IllegalArgumentException("a model route needs a pattern and an upstream model");
        }
        this.pattern = pattern;
        this.upstreamModel = upstreamModel;
        this.compiled = compile(pattern);
    }

    public String pattern() {
        return pattern;
    }

    public String upstreamModel() {
        return upstreamModel;
    }

    public boolean matches(String requestedModel) {
        return requestedModel != null && compiled.matcher(requestedModel).matches();
    }

    private static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }

    @Override
    public String toString() {
        return pattern + " -> " + upstreamModel;
    }
}
