package dev.optoant.domain.passthrough;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link TailCapture} keeps exactly the last bytes it was given, however they were split and however many. */
class TailCaptureTest {
    @Test
    void keepsTheLastBytesOfAnySplitting() {
        Random random = new Random(7);
        for (int round = 0; round < 2_000; round++) {
            int capacity = 1 + random.nextInt(round % 2 == 0 ? 64 : 20_000);
            TailCapture tail = new TailCapture(capacity);
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            int appends = random.nextInt(12);
            for (int i = 0; i < appends; i++) {
                byte[] piece = new byte[random.nextInt(random.nextBoolean() ? 40 : 3 * capacity + 1)];
                random.nextBytes(piece);
                int offset = piece.length == 0 ? 0 : random.nextInt(piece.length);
                int length = piece.length - offset;
                tail.append(piece, offset, length);
                all.write(piece, offset, length);
            }
            byte[] written = all.toByteArray();
            assertThat(tail.bytes()).as("round %d, capacity %d", round, capacity)
                    .isEqualTo(Arrays.copyOfRange(written, Math.max(0, written.length - capacity), written.length));
        }
    }

    @Test
    void nothingGivenKeepsNothing() {
        assertThat(new TailCapture(16_384).bytes()).isEmpty();
    }
}
