package dev.optoant.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.optoant.domain.error.ErrorKind;
import dev.optoant.domain.error.GatewayException;
import dev.optoant.domain.passthrough.RelayPath;
import java.net.URI;

/**
 * Coverage-guided fuzz target for the path joiner, with the invariant of {@link UpstreamUrlFuzzTest}: a raw path is
 * refused by {@link RelayPath} with its 400, or joined by {@link UpstreamUrl} onto the configured base without
 * leaving its scheme, host, port or base path.
 */
class UpstreamUrlJazzerTest {

    @FuzzTest(maxDuration = "20s")
    @DictionaryEntries({"/v1/", "..", "%2e", "%2E", "%2f", "%2F", "%5c", "\\", "//", "@", "http:", "https://",
        ";", "?", "#", "%00", "%25"})
    void acceptedPathsStayOnTheConfiguredUpstream(FuzzedDataProvider data) {
        URI base = UpstreamUrlFuzzTest.BASES.get(data.consumeInt(0, UpstreamUrlFuzzTest.BASES.size() - 1));
        String query = data.consumeBoolean() ? null : data.consumeString(48);
        String path = (data.consumeBoolean() ? "/v1/" : "") + data.consumeRemainingAsString();
        try {
            RelayPath.requireInside(path, "/v1");
        } catch (GatewayException refused) {
            assertThat(refused.kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
            return;
        }
        assertThat(UpstreamUrlFuzzTest.problemWith(base, path, query)).as(base + " + " + path + " ? " + query).isNull();
    }
}
