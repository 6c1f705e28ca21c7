package dev.optoant.domain.passthrough;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link InMemoryBody} writes what is left of it in one write, from where reading stopped. */
class InMemoryBodyTest {
    @Test
    void writesTheUnreadRestInOneWriteAndIsThenAtItsEnd() throws IOException {
        InMemoryBody body = new InMemoryBody("{\"model\":\"m\",\"stream\":true}".getBytes(StandardCharsets.UTF_8));
        assertThat(body.readNBytes(9)).asString(StandardCharsets.UTF_8).isEqualTo("{\"model\":");
        CountingOutput out = new CountingOutput();

        body.writeRemainingTo(out);
        body.writeRemainingTo(out);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("\"m\",\"stream\":true}");
        assertThat(out.writes).isEqualTo(1);
        assertThat(body.read()).isEqualTo(-1);
    }

    @Test
    void replayableBodiesOpenAsInMemoryBodies() throws IOException {
        byte[] bytes = "{}".getBytes(StandardCharsets.UTF_8);
        ReplayableBody body = ReplayableBody.of(new java.io.ByteArrayInputStream(bytes), bytes.length, 1024);
        assertThat(body.open()).isInstanceOf(InMemoryBody.class);
    }

    /** Counts array writes. */
    private static final class CountingOutput extends ByteArrayOutputStream {
        private int writes;

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            writes++;
            super.write(b, off, len);
        }
    }
}
