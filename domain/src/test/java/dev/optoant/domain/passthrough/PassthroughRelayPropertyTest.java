package dev.optoant.domain.passthrough;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Property over 300 seeded random cases: any chunking of a body relays the same bytes, flushed at each pause. */
class PassthroughRelayPropertyTest {
    private static final int[] EDGE_SIZES = {0, 1, 8191, 8192, 8193, 16_384};

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void relayedBytesEqualTheUpstreamBody(long seed) throws IOException {
        Random random = new Random(seed);
        byte[] body = new byte[random.nextInt(4) == 0 ? EDGE_SIZES[random.nextInt(EDGE_SIZES.length)]
                : random.nextInt(40_000)];
        random.nextBytes(body);
        List<byte[]> chunks = ChunkedInputStream.split(body, randomSizes(random));
        FakeReply reply = new FakeReply(200, List.of(), new ChunkedInputStream(chunks));
        RecordingResponder responder = new RecordingResponder();

        RelayOutcome outcome = new PassthroughService(new FakeUpstream(reply), RelayRequests.settings())
                .forward(RelayRequests.post("/v1/chat/completions", List.of(), ""), responder);

        assertThat(outcome).isEqualTo(RelayOutcome.COMPLETED);
        assertThat(responder.out().bytes()).isEqualTo(body);
        assertThat(responder.out().flushPoints()).isEqualTo(chunkEnds(chunks));
        assertThat(reply.closes).isEqualTo(1);
    }

    private static List<Integer> randomSizes(Random random) {
        List<Integer> sizes = new ArrayList<>();
        int count = random.nextInt(12);
        for (int i = 0; i < count; i++) {
            sizes.add(random.nextBoolean() ? 1 + random.nextInt(64) : 1 + random.nextInt(20_000));
        }
        return sizes;
    }

    private static List<Integer> chunkEnds(List<byte[]> chunks) {
        List<Integer> ends = new ArrayList<>();
        int end = 0;
        for (byte[] chunk : chunks) {
            end += chunk.length;
            ends.add(end);
        }
        return ends;
    }
}
