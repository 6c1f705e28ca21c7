package dev.optoant.domain.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Model aliases ({@link ModelRoute} globs, first match wins) and {@code max_tokens} clamping. */
class ModelRouteTest {

    @ParameterizedTest(name = "{0} ~ {1} -> {2}")
    @CsvSource({
        "claude-*opus*, claude-opus-4-5-20251101, true",
        "claude-*opus*, claude-3-opus-latest, true",
        "claude-*opus*, CLAUDE-OPUS-4, true",
        "claude-*opus*, claude-sonnet-4-5, false",
        "claude-*opus*, my-claude-opus, false",
        "claude-*, claude-haiku-4-5, true",
        "claude-*, claude-, true",
        "claude-*, claude, false",
        "gpt-?o, gpt-4o, true",
        "gpt-?o, gpt-40o, false",
        "claude-3.5-*, claude-3.5-sonnet, true",
        "claude-3.5-*, claude-3x5-sonnet, false",
        "a+b, a+b, true",
        "a+b, aab, false",
        "(x)[y]{1}$^|\\, (x)[y]{1}$^|\\, true",
        "exact, exact, true",
        "exact, exact-not, false",
        "*, '', true",
    })
    void globMatchesTheWholeNameCaseInsensitively(String pattern, String model, boolean matches) {
        assertThat(new ModelRoute(pattern, "up").matches(model)).isEqualTo(matches);
    }

    @Test
    void aRouteNeedsAPatternAndAModel() {
        assertThatThrownBy(() -> new ModelRoute(" ", "up")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ModelRoute("x", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFirstMatchingRouteWinsAndTheDefaultCatchesTheRest() {
        ConversionSettings settings = ConversionSettings.deepSeekDefaults();

        assertThat(settings.upstreamModel("claude-opus-4-1")).isEqualTo("deepseek-reasoner");
        assertThat(settings.upstreamModel("claude-sonnet-4-5")).isEqualTo("deepseek-chat");
        assertThat(settings.upstreamModel("claude-haiku-4-5")).isEqualTo("deepseek-chat");
        assertThat(settings.upstreamModel("deepseek-reasoner")).isEqualTo("deepseek-chat");
        assertThat(settings.upstreamModel("gpt-4o")).isEqualTo("deepseek-chat");
    }

    @Test
    void routesAreTriedInOrder() {
        ConversionSettings settings = new ConversionSettings(
                List.of(new ModelRoute("claude-*", "broad"), new ModelRoute("claude-*opus*", "never-reached")),
                "fallback", Map.of(), false, false, UpstreamDialect.OPENAI);

        assertThat(settings.upstreamModel("claude-opus-4")).isEqualTo("broad");
        assertThat(settings.upstreamModel("other")).isEqualTo("fallback");
    }

    @Test
    void maxTokensIsClampedToTheUpstreamModelsLimitOnly() {
        ConversionSettings settings = ConversionSettings.deepSeekDefaults();

        assertThat(settings.clampMaxTokens("deepseek-chat", 128_000)).isEqualTo(8192);
        assertThat(settings.clampMaxTokens("deepseek-chat", 32_000)).isEqualTo(8192);
        assertThat(settings.clampMaxTokens("deepseek-chat", 8192)).isEqualTo(8192);
        assertThat(settings.clampMaxTokens("deepseek-chat", 100)).isEqualTo(100);
        assertThat(settings.clampMaxTokens("deepseek-reasoner", 128_000)).isEqualTo(65_536);
        assertThat(settings.clampMaxTokens("unlisted-model", 128_000)).isEqualTo(128_000);
    }

    @Test
    void settingsAreImmutableCopies() {
        ArrayList<ModelRoute> routes = new ArrayList<>(List.of(new ModelRoute("a*", "x")));
        ConversionSettings settings =
                new ConversionSettings(routes, "d", Map.of(), false, false, UpstreamDialect.DEEPSEEK);
        routes.clear();

        assertThat(settings.upstreamModel("abc")).isEqualTo("x");
    }
}
