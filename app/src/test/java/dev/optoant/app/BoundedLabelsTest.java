package dev.optoant.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedLabelsTest {
    private final BoundedLabels labels = new BoundedLabels(List.of("deepseek-chat", "deepseek-reasoner"), 2);

    @Test
    void presetValuesAreAlwaysThemselves() {
        labels.of("a");
        labels.of("b");
        labels.of("c");

        assertThat(labels.of("deepseek-chat")).isEqualTo("deepseek-chat");
        assertThat(labels.of("deepseek-reasoner")).isEqualTo("deepseek-reasoner");
    }

    @Test
    void theFirstValuesAreLearnedAndTheRestFold() {
        assertThat(labels.of("gpt-4o")).isEqualTo("gpt-4o");
        assertThat(labels.of("accounts/x/models/y@2024")).isEqualTo("accounts/x/models/y@2024");
        assertThat(labels.of("gpt-5")).isEqualTo(BoundedLabels.OTHER);
        assertThat(labels.of("gpt-4o")).as("learned values stay").isEqualTo("gpt-4o");
    }

    @Test
    void missingAndMalformedValuesNeverBecomeLabels() {
        assertThat(labels.of(null)).isEqualTo(BoundedLabels.NONE);
        assertThat(labels.of("")).isEqualTo(BoundedLabels.NONE);
        assertThat(labels.of("with space")).isEqualTo(BoundedLabels.OTHER);
        assertThat(labels.of("quote\"d")).isEqualTo(BoundedLabels.OTHER);
        assertThat(labels.of("x".repeat(BoundedLabels.MAX_LENGTH + 1))).isEqualTo(BoundedLabels.OTHER);
        assertThat(labels.of("other")).as("a client can't pose as the fold").isEqualTo(BoundedLabels.OTHER);
        assertThat(labels.of("fine")).as("malformed values took no slot").isEqualTo("fine");
    }
}
