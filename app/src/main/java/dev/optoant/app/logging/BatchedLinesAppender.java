package dev.optoant.app.logging;

import ch.qos.logback.core.Layout;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Formats each event on the caller's thread and hands the line to one writer thread, which wakes on a fixed
 * interval and writes what has gathered in one go. A caller never waits for the output nor wakes the writer; when
 * the queue is full (the output is stuck) the line is dropped and counted, and the application log says how many
 * once the output moves again.
 */
final class BatchedLinesAppender<E> extends UnsynchronizedAppenderBase<E> {
    private static final Logger LOG = LoggerFactory.getLogger(BatchedLinesAppender.class);

    private final Layout<E> layout;
    private final OutputStream out;
    private final BlockingQueue<String> lines;
    private final long intervalNanos;
    private final AtomicLong dropped = new AtomicLong();
    private long reportedDrops;
    private volatile boolean running;
    private Thread writer;

    BatchedLinesAppender(Layout<E> layout, OutputStream out, int capacity, Duration interval) {
        this.layout = layout;
        this.out = out;
        this.lines = new ArrayBlockingQueue<>(capacity);
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public void start() {
        running = true;
        writer = Thread.ofPlatform().daemon().name("access-log-writer").start(this::run);
        super.start();
    }

    @Override
    public void stop() {
        super.stop();
        running = false;
        if (writer != null) {
            LockSupport.unpark(writer);
            try {
                writer.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    protected void append(E event) {
        if (!lines.offer(layout.doLayout(event))) {
            dropped.incrementAndGet();
        }
    }

    /** Lines dropped because the queue was full. */
    long dropped() {
        return dropped.get();
    }

    private void run() {
        List<String> batch = new ArrayList<>();
        while (running) {
            LockSupport.parkNanos(this, intervalNanos);
            writeAll(batch);
        }
        writeAll(batch);
    }

    private void writeAll(List<String> batch) {
        while (lines.drainTo(batch, 1024) > 0) {
            StringBuilder text = new StringBuilder(batch.size() * 160);
            batch.forEach(text::append);
            batch.clear();
            try {
                out.write(text.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                addError("access log: the output refused a write", e);
            }
        }
        long drops = dropped.get();
        if (drops > reportedDrops) {
            LOG.warn("access log: {} lines dropped because stdout did not keep up (the request log has every request)",
                    drops - reportedDrops);
            reportedDrops = drops;
        }
    }
}
