package dev.optoant.domain.passthrough;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link BoundedInputStream}: a body of exactly the limit passes, one byte more fails, whichever read is used. */
class BoundedInputStreamTest {
    private static final byte[] FIVE = {1, 2, 3, 4, 5};
    private static final byte[] SIX = {1, 2, 3, 4, 5, 6};

    @Test
    void singleByteReadsUpToTheLimitSucceed() throws IOException {
        InputStream in = new BoundedInputStream(new ByteArrayInputStream(FIVE), 5);
        for (byte expected : FIVE) {
            assertThat(in.read()).isEqualTo(expected);
        }
        assertThat(in.read()).isEqualTo(-1);
    }

    @Test
    void singleByteReadPastTheLimitFails() throws IOException {
        InputStream in = new BoundedInputStream(new ByteArrayInputStream(SIX), 5);
        for (int i = 0; i < 5; i++) {
            assertThat(in.read()).isEqualTo(SIX[i]);
        }
        assertThatThrownBy(in::read)
                .isInstanceOf(BodyTooLargeException.class)
                .hasMessageContaining("5 bytes");
    }

    @Test
    void arrayReadsUpToTheLimitSucceed() throws IOException {
        InputStream in = new BoundedInputStream(new ByteArrayInputStream(FIVE), 5);
        byte[] buffer = new byte[16];
        assertThat(in.read(buffer)).isEqualTo(5);
        assertThat(in.read(buffer)).isEqualTo(-1);
    }

    @Test
    void arrayReadPastTheLimitFails() {
        InputStream in = new BoundedInputStream(new ByteArrayInputStream(SIX), 5);
        assertThatThrownBy(() -> in.read(new byte[16])).isInstanceOf(BodyTooLargeException.class);
    }

    @Test
    void limitIsCountedAcrossManySmallReads() throws IOException {
        InputStream chunked = new ChunkedInputStream(List.of(new byte[] {1, 2}, new byte[] {3, 4}, new byte[] {5, 6}));
        InputStream in = new BoundedInputStream(chunked, 5);
        byte[] buffer = new byte[16];
        assertThat(in.read(buffer)).isEqualTo(2);
        assertThat(in.read(buffer)).isEqualTo(2);
        assertThatThrownBy(() -> in.read(buffer)).isInstanceOf(BodyTooLargeException.class);
    }

    @Test
    void readAllBytesOfExactlyTheLimitSucceeds() throws IOException {
        byte[] body = new byte[10_000];
        assertThat(new BoundedInputStream(new ByteArrayInputStream(body), 10_000).readAllBytes()).hasSize(10_000);
        assertThatThrownBy(() -> new BoundedInputStream(new ByteArrayInputStream(body), 9_999).readAllBytes())
                .isInstanceOf(BodyTooLargeException.class);
    }

    @Test
    void skippedBytesCount() {
        InputStream in = new BoundedInputStream(new ByteArrayInputStream(SIX), 5);
        assertThatThrownBy(() -> in.skip(6)).isInstanceOf(BodyTooLargeException.class);
    }
}
