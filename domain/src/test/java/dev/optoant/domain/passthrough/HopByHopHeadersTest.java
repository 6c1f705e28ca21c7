package dev.optoant.domain.passthrough;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link HopByHopHeaders#strip}: connection-scoped and extra headers go, the rest stay in order. */
class HopByHopHeadersTest {

    @Test
    void dropsTheStandardHopByHopHeaders() {
        List<Header> headers = List.of(
                h("Connection", "keep-alive"), h("Keep-Alive", "timeout=5"), h("Proxy-Connection", "keep-alive"),
                h("Proxy-Authenticate", "Basic"), h("Proxy-Authorization", "Basic abc"), h("TE", "trailers"),
                h("Trailer", "X-Checksum"), h("Transfer-Encoding", "chunked"), h("Upgrade", "h2c"),
                h("Content-Type", "application/json"), h("Authorization", "Bearer sk"), h("X-Request-Id", "1"));

        assertThat(HopByHopHeaders.strip(headers, Set.of())).containsExactly(
                h("Content-Type", "application/json"), h("Authorization", "Bearer sk"), h("X-Request-Id", "1"));
    }

    @Test
    void dropsHeadersNamedInConnection() {
        List<Header> headers = List.of(
                h("X-Keep", "1"), h("X-Foo", "a"), h("Connection", "X-Foo, x-bar ,close"), h("X-BAR", "b"),
                h("Connection", "X-Second"), h("X-Second", "c"), h("Close", "not-a-real-header"));

        assertThat(HopByHopHeaders.strip(headers, Set.of())).containsExactly(h("X-Keep", "1"));
    }

    @Test
    void matchesNamesCaseInsensitively() {
        List<Header> headers = List.of(
                h("TRANSFER-ENCODING", "chunked"), h("keep-ALIVE", "5"), h("connection", "X-Tracing"),
                h("x-tracing", "t"), h("content-type", "text/plain"));

        assertThat(HopByHopHeaders.strip(headers, Set.of())).containsExactly(h("content-type", "text/plain"));
    }

    @Test
    void dropsExtraNamesCaseInsensitively() {
        List<Header> headers = List.of(
                h("Host", "gateway"), h("CONTENT-LENGTH", "12"), h("Accept", "*/*"), h("x-drop-me", "1"));

        assertThat(HopByHopHeaders.strip(headers, Set.of("host", "content-length", "X-Drop-Me")))
                .containsExactly(h("Accept", "*/*"));
    }

    @Test
    void keepsRepeatedEndToEndHeadersInOrder() {
        List<Header> headers = List.of(h("Set-Cookie", "a=1"), h("Vary", "Accept"), h("Set-Cookie", "b=2"));

        assertThat(HopByHopHeaders.strip(headers, Set.of())).containsExactlyElementsOf(headers);
    }

    @Test
    void emptyListStaysEmpty() {
        assertThat(HopByHopHeaders.strip(List.of(), Set.of("host"))).isEmpty();
    }

    private static Header h(String name, String value) {
        return new Header(name, value);
    }
}
