package dev.optoant.domain.convert;

import java.util.List;
import java.util.Map;

/**
 * What the Anthropic lane needs to know about the upstream: model aliases, output limits and capabilities.
 *
 * @param routes alias rules, first match wins
 * @param defaultModel upstream model for names no route matches
 * @param maxOutputTokens per upstream model, the largest {@code max_tokens} it accepts; requests are clamped to it
 * @param imagesSupported whether the upstream takes image parts (DeepSeek's chat API does not)
 * @param pdfSupported whether the upstream takes PDF documents
 * @param dialect how reasoning is switched on and sent back
 */
public record ConversionSettings(
        List<ModelRoute> routes,
        String defaultModel,
        Map<String, Integer> maxOutputTokens,
        boolean imagesSupported,
        boolean pdfSupported,
        UpstreamDialect dialect) {

    public ConversionSettings {
        routes = List.copyOf(routes);
        maxOutputTokens = Map.copyOf(maxOutputTokens);
    }

    /** The upstream model for a requested name: the first matching route, else the default. */
    public String upstreamModel(String requestedModel) {
        for (ModelRoute route : routes) {
            if (route.matches(requestedModel)) {
                return route.upstreamModel();
            }
        }
        return defaultModel;
    }

    /** {@code max_tokens} as the upstream model accepts it. */
    public int clampMaxTokens(String upstreamModel, int requested) {
        Integer limit = maxOutputTokens.get(upstreamModel);
        return limit == null ? requested : Math.min(requested, limit);
    }

    /** DeepSeek's defaults: opus-class names to the reasoner, other Claude names to chat. */
    public static ConversionSettings deepSeekDefaults() {
        return new ConversionSettings(
                List.of(new ModelRoute("claude-*opus*", "deepseek-reasoner"), new ModelRoute("claude-*", "deepseek-chat")),
                "deepseek-chat",
                Map.of("deepseek-chat", 8192, "deepseek-reasoner", 65536),
                false, false, UpstreamDialect.DEEPSEEK);
    }
}
