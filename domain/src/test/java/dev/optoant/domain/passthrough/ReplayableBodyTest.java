package dev.optoant.domain.passthrough;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link ReplayableBody}: which bodies are held for another attempt, and that a held one replays in full. */
class ReplayableBodyTest {
    private static final byte[] BODY = "{\"model\":\"m\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aDeclaredBodyWithinTheCapReplaysEachTime() throws IOException {
        ReplayableBody body = ReplayableBody.of(new ByteArrayInputStream(BODY), BODY.length, 1024);

        assertThat(body.replayable()).isTrue();
        assertThat(body.length()).isEqualTo(BODY.length);
        assertThat(body.open().readAllBytes()).isEqualTo(BODY);
        assertThat(body.open().readAllBytes()).isEqualTo(BODY);
    }

    @Test
    void aChunkedBodyOverTheCapStreamsOnceWithNothingLost() throws IOException {
        ReplayableBody body = ReplayableBody.of(new ByteArrayInputStream(BODY), -1, 4);

        assertThat(body.replayable()).isFalse();
        assertThat(body.length()).isEqualTo(-1);
        assertThat(body.open().readAllBytes()).isEqualTo(BODY);
    }

    @Test
    void aCapBeyondWhatAnArrayHoldsLeavesHugeBodiesStreaming() throws IOException {
        long declared = 3L * 1024 * 1024 * 1024;
        InputStream untouched = new ByteArrayInputStream(BODY);

        ReplayableBody body = ReplayableBody.of(untouched, declared, 4L * 1024 * 1024 * 1024);

        assertThat(body.replayable()).isFalse();
        assertThat(body.length()).isEqualTo(declared);
        assertThat(body.open()).isSameAs(untouched);
    }
}
