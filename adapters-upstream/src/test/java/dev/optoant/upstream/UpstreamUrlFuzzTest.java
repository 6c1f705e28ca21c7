package dev.optoant.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optoant.domain.error.ErrorKind;
import dev.optoant.domain.error.GatewayException;
import dev.optoant.domain.passthrough.RelayPath;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random raw paths and queries, built from the pieces that move URLs elsewhere (dot segments in every
 * encoding, slashes, {@code @}, schemes, authorities): {@link RelayPath} accepts or refuses with its 400, and every
 * accepted path joined by {@link UpstreamUrl} onto a configured base stays on that base's scheme, host, port and
 * base path, whatever the query holds.
 */
class UpstreamUrlFuzzTest {
    static final List<URI> BASES = List.of(URI.create("http://127.0.0.1:8080"),
            URI.create("https://api.deepseek.com"), URI.create("https://api.example.com/v1"),
            URI.create("https://gw.example.com:8443/openai/v1/"));
    private static final String[] PATH_PIECES = {"/", "//", "v1", "/v1", "models", "chat", "completions", ".", "..",
        "%2e", "%2E%2e", "%2f", "%2F", "%5c", "\\", "%00", "%", "%25", "@", "evil.example", ":", "8080", "http:",
        "https://evil.example", ";", "..;", "%40", "?", "#", " ", "\t", "~", "é", "%C0%AF", "%u002e"};
    private static final String[] QUERY_PIECES = {"a=b", "&", "=", "#", "@evil.example", "/", "//evil.example",
        "%2F", "..", "?", "http://evil.example", "%23", "key=x", "\\"};

    static LongStream seeds() {
        return LongStream.range(0, 16);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void acceptedPathsStayOnTheConfiguredUpstream(long seed) {
        Random random = new Random(seed);
        List<String> failures = new ArrayList<>();
        int accepted = 0;
        for (int i = 0; i < 3000 && failures.size() < 5; i++) {
            String path = (random.nextInt(3) > 0 ? "/v1/" : "") + join(random, PATH_PIECES, 6);
            String query = random.nextBoolean() ? null : join(random, QUERY_PIECES, 4);
            try {
                RelayPath.requireInside(path, "/v1");
            } catch (GatewayException refused) {
                if (refused.kind() != ErrorKind.INVALID_REQUEST) {
                    failures.add(refused.kind() + " for " + path);
                }
                continue;
            } catch (RuntimeException e) {
                failures.add(e + " for " + path);
                continue;
            }
            accepted++;
            for (URI base : BASES) {
                String problem = problemWith(base, path, query);
                if (problem != null) {
                    failures.add(problem + ": " + base + " + " + path + " ? " + query);
                }
            }
        }
        assertThat(failures).as("seed " + seed).isEmpty();
        assertThat(accepted).as("some paths get through, or the property says nothing").isPositive();
    }

    /** Null when the joined URL is refused as a URI (the adapter's 400) or stays on the base; else the problem. */
    static String problemWith(URI base, String path, String query) {
        String joined;
        try {
            joined = new UpstreamUrl(base).resolve(path, query);
        } catch (RuntimeException e) {
            return e.toString();
        }
        URI url;
        try {
            url = URI.create(joined);
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
        String basePath = base.getRawPath().replaceAll("/+$", "");
        if (!base.getScheme().equals(url.getScheme()) || !base.getHost().equals(url.getHost())
                || base.getPort() != url.getPort() || url.getRawUserInfo() != null
                || url.getRawPath() == null || !url.getRawPath().startsWith(basePath + "/")
                || !url.normalize().getRawPath().startsWith(basePath + "/")
                || !url.normalize().getRawPath().equals(url.getRawPath())) {
            return "left the base: " + url;
        }
        return null;
    }

    private static String join(Random random, String[] pieces, int max) {
        StringBuilder text = new StringBuilder();
        int count = 1 + random.nextInt(max);
        for (int i = 0; i < count; i++) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }
}
