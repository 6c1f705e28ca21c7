package dev.optoant.domain.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optoant.domain.anthropic.StreamEvent;
import dev.optoant.domain.port.EventSink;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pings on one scheduler thread shared by every stream, as the application wires it. */
class HeartbeatTest {
    private static final Duration INTERVAL = Duration.ofMillis(20);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final CountDownLatch clientReads = new CountDownLatch(1);

    @AfterEach
    void stop() {
        clientReads.countDown();
        scheduler.shutdownNow();
    }

    @Test
    void aClientThatDoesNotReadHoldsUpNoOtherStreamsPings() throws Exception {
        Heartbeat heartbeat = new Heartbeat(scheduler, INTERVAL);
        AtomicInteger stuckSends = new AtomicInteger();
        GuardedSink stuck = new GuardedSink(new Counting(stuckSends, clientReads));
        heartbeat.watch(stuck);
        Thread relay = Thread.ofVirtual().start(() -> {
            try {
                stuck.send(new StreamEvent.Ping()); // blocks like a write to a full socket
            } catch (IOException ignored) {
                // not thrown by this sink
            }
        });
        AtomicInteger quietPings = new AtomicInteger();
        GuardedSink quiet = new GuardedSink(new Counting(quietPings, new CountDownLatch(0)));
        heartbeat.watch(quiet);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (quietPings.get() < 5 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        assertThat(quietPings.get()).as("pings to the quiet stream while the other one's write is stuck")
                .isGreaterThanOrEqualTo(5);
        assertThat(stuckSends.get()).as("no ping queued behind the stuck write").isEqualTo(1);
        clientReads.countDown();
        relay.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(relay.isAlive()).isFalse();
    }

    /** Counts sends; each blocks until {@code released}, like a write to a client that reads nothing. */
    private record Counting(AtomicInteger sends, CountDownLatch released) implements EventSink {
        @Override
        public void send(StreamEvent event) throws IOException {
            sends.incrementAndGet();
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }

        @Override
        public void flush() {
        }
    }
}
