package dev.optoant.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link RawPathGuardFilter#hasDotSegment}: which raw request targets carry '.' or '..' segments. */
class RawPathGuardFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {"/v1/../admin", "/v1/./models", "/..", "/.", "/v1/..", "/v1/.", "/../v1/models",
        "/anthropic/v1/../../x", "/v1/models/./", "/v1/..;/admin", "/v1/.;x=1/models"})
    void findsDotSegments(String path) {
        assertThat(RawPathGuardFilter.hasDotSegment(path)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"/", "/v1/models", "/v1/models/gpt-4.1", "/v1/.hidden", "/v1/...", "/v1/a..b", "/v1/..x",
        "/v1/file.", "/v1/models;v=1"})
    void leavesOtherPathsAlone(String path) {
        assertThat(RawPathGuardFilter.hasDotSegment(path)).isFalse();
    }
}
