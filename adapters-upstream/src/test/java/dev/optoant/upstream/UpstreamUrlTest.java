package dev.optoant.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link UpstreamUrl}: joining base URLs with client paths, keeping raw queries and encodings, refusing bad bases. */
class UpstreamUrlTest {

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource({
        "https://api.deepseek.com,       /v1/chat/completions, https://api.deepseek.com/v1/chat/completions",
        "https://api.deepseek.com/,      /v1/models,           https://api.deepseek.com/v1/models",
        "https://h.example/v1,           /v1/chat/completions, https://h.example/v1/chat/completions",
        "https://h.example/v1/,          /v1/models,           https://h.example/v1/models",
        "https://h.example/v1//,         /v1/models,           https://h.example/v1/models",
        "https://h.example/v1,           /v1,                  https://h.example/v1",
        "https://h.example/api/v1,       /v1/chat/completions, https://h.example/api/v1/chat/completions",
        "https://h.example/openai,       /v1/chat/completions, https://h.example/openai/v1/chat/completions",
        "https://h.example/v1,           /v1x/models,          https://h.example/v1/v1x/models",
        "http://127.0.0.1:8080,          /v1/models,           http://127.0.0.1:8080/v1/models",
        "http://[::1]:8080/v1,           /v1/models,           http://[::1]:8080/v1/models"
    })
    void joinsBaseAndPath(String base, String path, String expected) {
        assertThat(new UpstreamUrl(URI.create(base)).resolve(path, null)).isEqualTo(expected);
    }

    @Test
    void keepsTheQueryRaw() {
        UpstreamUrl url = new UpstreamUrl(URI.create("https://h.example/v1"));

        assertThat(url.resolve("/v1/files", "limit=2&after=a%3Db+c&purpose=fine-tune"))
                .isEqualTo("https://h.example/v1/files?limit=2&after=a%3Db+c&purpose=fine-tune");
    }

    @Test
    void leavesOutAnEmptyQuery() {
        UpstreamUrl url = new UpstreamUrl(URI.create("https://h.example"));

        assertThat(url.resolve("/v1/models", "")).isEqualTo("https://h.example/v1/models");
    }

    @Test
    void keepsEncodedCharactersInPathAndBase() {
        UpstreamUrl url = new UpstreamUrl(URI.create("https://h.example/tenant%20a"));

        assertThat(url.resolve("/v1/files/file%20%C3%A9%3F", null))
                .isEqualTo("https://h.example/tenant%20a/v1/files/file%20%C3%A9%3F");
    }

    @Test
    void originIsSchemeAndAuthority() {
        assertThat(new UpstreamUrl(URI.create("http://127.0.0.1:9000/api/v1/")).origin())
                .isEqualTo("http://127.0.0.1:9000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://h.example/v1", "file:///etc/passwd", "ws://h.example", "mailto:a@h.example",
        "h.example/v1", "/v1"})
    void rejectsNonHttpBases(String base) {
        assertThatThrownBy(() -> new UpstreamUrl(URI.create(base)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http(s)");
    }

    @Test
    void rejectsABaseWithoutHost() {
        assertThatThrownBy(() -> new UpstreamUrl(URI.create("http:///v1"))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://user:s3cret@h.example/v1", "http://s3cret@127.0.0.1:8080"})
    void rejectsABaseWithCredentialsWithoutEchoingThem(String base) {
        assertThatThrownBy(() -> new UpstreamUrl(URI.create(base)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("credentials")
                .hasMessageNotContaining("s3cret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://h.example/v1?api-version=1", "https://h.example/v1#frag"})
    void rejectsABaseWithQueryOrFragment(String base) {
        assertThatThrownBy(() -> new UpstreamUrl(URI.create(base)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("query or fragment");
    }
}
