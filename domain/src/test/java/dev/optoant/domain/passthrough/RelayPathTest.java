package dev.optoant.domain.passthrough;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optoant.domain.error.ErrorKind;
import dev.optoant.domain.error.GatewayException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link RelayPath#requireInside}: which raw paths may be forwarded under the {@code /v1} prefix. */
class RelayPathTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "/v1/chat/completions",
        "/v1/models",
        "/v1/models/deepseek-chat",
        "/v1/files/file-abc/content",
        "/v1/models/gpt-4.1-mini",
        "/v1/a..b/.hidden/trailing.",
        "/v1/.../x",
        "/v1/files/name%20with%20space",
        "/v1/models/",
        "/v1/models;v=1/x",
        "/v1/a..;b"
    })
    void acceptsNormalPathsUnchanged(String path) {
        assertThat(RelayPath.requireInside(path, "/v1")).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/v1/../admin", "/v1/..", "/v1/models/..", "/v1/./models", "/v1/.", "/v1/models/./x",
        "/v1/..;/admin", "/v1/..;jsessionid=x/admin", "/v1/.;v=1/models"
    })
    void rejectsDotSegments(String path) {
        assertInvalid(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/v1/%2e%2e/admin", "/v1/%2E%2E/admin", "/v1/%2e/models", "/v1/.%2e/x", "/v1/models/%2E"
    })
    void rejectsEncodedDots(String path) {
        assertInvalid(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/a%2Fb", "/v1/a%2fb", "/v1/a%5Cb", "/v1/a%5cb", "/v1/a\\b", "/v1/..\\admin"})
    void rejectsEncodedSlashesAndBackslashes(String path) {
        assertInvalid(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1//models", "/v1/models//x", "/v1/models//"})
    void rejectsEmptySegments(String path) {
        assertInvalid(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/a\u0000b", "/v1/a\tb", "/v1/a\nb", "/v1/a\rb", "/v1/a b", "/v1/a\u007fb", "/v1/x%00"})
    void rejectsControlCharactersAndSpaces(String path) {
        assertInvalid(path);
    }

    /** Found by UpstreamUrlFuzzTest: joined into a URL, these end the path at a dot segment. */
    @ParameterizedTest
    @ValueSource(strings = {"/v1/..?x", "/v1/.?", "/v1/..#v1", "/v1/.#", "/v1/models?x=1"})
    void rejectsQueryAndFragmentMarkersInThePath(String path) {
        assertInvalid(path);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"/", "/v1", "/v1x/models", "/v2/models", "v1/models", "/anthropic/v1/messages", "//v1/models"})
    void rejectsPathsNotUnderThePrefix(String path) {
        assertInvalid(path);
    }

    private static void assertInvalid(String path) {
        assertThatThrownBy(() -> RelayPath.requireInside(path, "/v1"))
                .isInstanceOf(GatewayException.class)
                .satisfies(e -> assertThat(((GatewayException) e).kind()).isEqualTo(ErrorKind.INVALID_REQUEST))
                .hasMessageStartingWith("Invalid path");
    }
}
