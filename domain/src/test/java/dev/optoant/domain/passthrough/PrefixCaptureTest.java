package dev.optoant.domain.passthrough;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link PrefixCapture} passes every byte through and keeps exactly the first ones, however they are read. */
class PrefixCaptureTest {
    @Test
    void keepsTheFirstBytesOfAnyReading() throws IOException {
        Random random = new Random(11);
        for (int round = 0; round < 2_000; round++) {
            int capacity = 1 + random.nextInt(round % 2 == 0 ? 64 : 20_000);
            byte[] body = new byte[random.nextInt(3 * capacity + 2)];
            random.nextBytes(body);
            PrefixCapture capture = new PrefixCapture(new ByteArrayInputStream(body), capacity);
            ByteArrayOutputStream passed = new ByteArrayOutputStream();
            while (true) {
                if (random.nextInt(4) == 0) {
                    int b = capture.read();
                    if (b < 0) {
                        break;
                    }
                    passed.write(b);
                } else {
                    byte[] buffer = new byte[1 + random.nextInt(capacity + 10)];
                    int offset = random.nextInt(buffer.length);
                    int n = capture.read(buffer, offset, buffer.length - offset);
                    if (n < 0) {
                        break;
                    }
                    passed.write(buffer, offset, n);
                }
            }
            assertThat(passed.toByteArray()).isEqualTo(body);
            assertThat(capture.captured()).as("round %d, capacity %d", round, capacity)
                    .isEqualTo(Arrays.copyOf(body, Math.min(body.length, capacity)));
        }
    }
}
