import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Load client for server-sent event streams: holds N concurrent streams (one virtual thread and one keep-alive
 * connection each) and measures time to first event (TTFE) and the gaps between events, as a chat client feels them.
 *
 * <p>Usage: {@code java SseLoad.java --url URL --api openai|anthropic [--streams 64] [--duration-s 10 | --once]
 * [--ramp-s 0] [--pace 20/50] [--sources 127.0.0.2,127.0.0.3] [--stall-ms 5000] [--timeout-s 120]}.
 * Only delta events are timed: for openai every chunk with a non-empty {@code delta}, for anthropic
 * {@code content_block_delta}. TTFE runs from the request's first byte written to the first delta event. A stream
 * is complete when its terminal event arrives ({@code [DONE]} / {@code message_stop}); anything else (non-200, error
 * event, I/O error, end without terminal event) counts as failed, and a gap over --stall-ms counts as a stall.
 * {@code --pace d/n} puts {@code pace=d/n} into the user message for the paced upstream. With --once each stream
 * slot runs one stream; otherwise slots loop until the duration is over (streams still open then finish). Prints
 * {@code RESULT key=value ...} on stdout (times in microseconds, cpu_s = this process's CPU seconds), progress on
 * stderr.
 */
public final class SseLoad {
    private static final int FINE = 10_000;           // 1 µs buckets below 10 ms
    private static final int COARSE = 100;            // then 100 µs buckets up to 120 s
    private static final int BUCKETS = FINE + 120_000_000 / COARSE;

    private final Histogram ttfe = new Histogram();
    private final Histogram gaps = new Histogram();
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong stalled = new AtomicLong();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong open = new AtomicLong();
    private final AtomicLong maxOpen = new AtomicLong();
    private final AtomicLong firstFailures = new AtomicLong();

    private URI url;
    private String api = "openai";
    private int streams = 64;
    private long durationMs = 10_000;
    private boolean once;
    private long rampMs;
    private String pace = "";
    private List<InetAddress> sources = new ArrayList<>();
    private long stallUs = 5_000_000;
    private int timeoutMs = 120_000;
    private String key = "sk-bench-0000000000000000";
    private byte[] request;

    public static void main(String[] args) throws Exception {
        SseLoad load = new SseLoad();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--url" -> load.url = URI.create(args[++i]);
                case "--api" -> load.api = args[++i];
                case "--streams" -> load.streams = Integer.parseInt(args[++i]);
                case "--duration-s" -> load.durationMs = (long) (Double.parseDouble(args[++i]) * 1000);
                case "--once" -> load.once = true;
                case "--ramp-s" -> load.rampMs = (long) (Double.parseDouble(args[++i]) * 1000);
                case "--pace" -> load.pace = "pace=" + args[++i] + " ";
                case "--stall-ms" -> load.stallUs = Long.parseLong(args[++i]) * 1000;
                case "--timeout-s" -> load.timeoutMs = Integer.parseInt(args[++i]) * 1000;
                case "--key" -> load.key = args[++i];
                case "--sources" -> {
                    for (String s : args[++i].split(",")) {
                        if (!s.isBlank()) {
                            load.sources.add(InetAddress.getByName(s.trim()));
                        }
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (load.url == null || !(load.api.equals("openai") || load.api.equals("anthropic"))) {
            throw new IllegalArgumentException("--url and --api openai|anthropic are required");
        }
        load.run();
    }

    private void run() throws InterruptedException {
        request = buildRequest();
        long t0 = System.nanoTime();
        long deadline = t0 + durationMs * 1_000_000;
        CountDownLatch done = new CountDownLatch(streams);
        Thread progress = Thread.ofVirtual().start(this::progress);
        for (int i = 0; i < streams; i++) {
            int slot = i;
            long startAt = t0 + (streams > 1 ? rampMs * 1_000_000 * i / (streams - 1) : 0);
            Thread.ofVirtual().start(() -> {
                try {
                    sleepUntil(startAt);
                    slot(slot, deadline);
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        progress.interrupt();
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "RESULT streams=%d completed=%d failed=%d stalled=%d events=%d max_open=%d "
                        + "seconds=%.1f events_per_s=%.0f ttfe_p50_us=%d ttfe_p99_us=%d ttfe_max_us=%d "
                        + "gap_p50_us=%d gap_p99_us=%d gap_max_us=%d cpu_s=%.1f%n",
                started.get(), completed.get(), failed.get(), stalled.get(), events.get(), maxOpen.get(), seconds,
                events.get() / seconds, ttfe.percentile(50), ttfe.percentile(99), ttfe.max(),
                gaps.percentile(50), gaps.percentile(99), gaps.max(), processCpuSeconds());
    }

    private static double processCpuSeconds() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return -1;
    }

    private void progress() {
        try {
            while (true) {
                Thread.sleep(5_000);
                System.err.printf("[sse] open %d, started %d, completed %d, failed %d, stalled %d, events %d%n",
                        open.get(), started.get(), completed.get(), failed.get(), stalled.get(), events.get());
            }
        } catch (InterruptedException e) {
            // finished
        }
    }

    private static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private byte[] buildRequest() {
        String user = pace + "Explain load balancing in one sentence.";
        String body;
        String headers;
        if (api.equals("openai")) {
            body = "{\"model\":\"deepseek-chat\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                    + "\"messages\":[{\"role\":\"user\",\"content\":\"" + user + "\"}],"
                    + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"Edit\",\"description\":\"Edit a file\","
                    + "\"parameters\":{\"type\":\"object\",\"properties\":{\"file_path\":{\"type\":\"string\"}}}}}]}";
            headers = "Authorization: Bearer " + key + "\r\nAccept: text/event-stream\r\n";
        } else {
            body = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1024,\"stream\":true,"
                    + "\"messages\":[{\"role\":\"user\",\"content\":\"" + user + "\"}],"
                    + "\"tools\":[{\"name\":\"Edit\",\"description\":\"Edit a file\",\"input_schema\":{\"type\":\"object\","
                    + "\"properties\":{\"file_path\":{\"type\":\"string\"}}}}]}";
            headers = "x-api-key: " + key + "\r\nanthropic-version: 2023-06-01\r\nAccept: application/json\r\n";
        }
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        String path = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort() + "\r\n"
                + "Content-Type: application/json\r\n" + headers + "Content-Length: " + b.length + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[h.length + b.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(b, 0, all, h.length, b.length);
        return all;
    }

    private void slot(int slot, long deadline) {
        Socket socket = null;
        try {
            do {
                if (socket == null) {
                    socket = connect(slot);
                }
                boolean reusable = oneStream(socket);
                if (!reusable) {
                    socket.close();
                    socket = null;
                }
            } while (!once && System.nanoTime() < deadline);
        } catch (IOException e) {
            // counted in oneStream or connect
        } finally {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing
                }
            }
        }
    }

    private Socket connect(int slot) throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.setSoTimeout(timeoutMs);
            if (!sources.isEmpty()) {
                s.bind(new InetSocketAddress(sources.get(slot % sources.size()), 0));
            }
            s.connect(new InetSocketAddress(url.getHost(), url.getPort()), 30_000);
            return s;
        } catch (IOException e) {
            started.incrementAndGet();
            fail("connect: " + e);
            s.close();
            throw e;
        }
    }

    private void fail(String why) {
        failed.incrementAndGet();
        if (firstFailures.incrementAndGet() <= 5) {
            System.err.println("[sse] stream failed: " + why);
        }
    }

    /** Runs one stream on the socket; returns whether the connection can carry the next one. */
    private boolean oneStream(Socket socket) {
        started.incrementAndGet();
        long n = open.incrementAndGet();
        maxOpen.accumulateAndGet(n, Math::max);
        boolean terminal = false;
        boolean reusable = false;
        long maxGap = 0;
        try {
            InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
            OutputStream out = socket.getOutputStream();
            long sent = System.nanoTime();
            out.write(request);
            out.flush();
            String status = line(in);
            if (status == null) {
                fail("connection closed before the status line");
                return false;
            }
            boolean chunked = false;
            boolean close = false;
            long length = -1;
            String h;
            while ((h = line(in)) != null && !h.isEmpty()) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            Body body = new Body(in, chunked, length);
            if (!status.contains(" 200")) {
                fail(status + ": " + new String(body.readAll(4096), StandardCharsets.UTF_8));
                return false;
            }
            EventReader events = new EventReader(body);
            long last = 0;
            String event;
            boolean errorEvent = false;
            while ((event = events.next()) != null) {
                boolean isTerminal = api.equals("openai") ? event.contains("data: [DONE]") : event.contains("event: message_stop");
                boolean isDelta = api.equals("openai") ? event.contains("\"delta\":{\"")
                        : event.contains("event: content_block_delta");
                if (api.equals("anthropic") && event.contains("event: error")) {
                    errorEvent = true;
                    fail("error event: " + event);
                }
                if (isDelta) {
                    long now = System.nanoTime();
                    this.events.incrementAndGet();
                    if (last == 0) {
                        ttfe.record((now - sent) / 1000);
                    } else {
                        long gap = (now - last) / 1000;
                        gaps.record(gap);
                        maxGap = Math.max(maxGap, gap);
                    }
                    last = now;
                }
                if (isTerminal) {
                    terminal = true;
                }
            }
            if (maxGap > stallUs) {
                stalled.incrementAndGet();
            }
            if (terminal && !errorEvent) {
                completed.incrementAndGet();
            } else if (!errorEvent) {
                fail("the stream ended without its terminal event");
            }
            reusable = terminal && !close && (chunked || length >= 0);
            return reusable;
        } catch (IOException | RuntimeException e) {
            fail(e.toString());
            return false;
        } finally {
            open.decrementAndGet();
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder(64);
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                sb.append((char) b);
            }
        }
        return b < 0 && sb.isEmpty() ? null : sb.toString();
    }

    /** A response body, de-chunked: read() returns -1 at its end. */
    private static final class Body {
        private final InputStream in;
        private final boolean chunked;
        private long remaining;
        private boolean eof;

        Body(InputStream in, boolean chunked, long length) {
            this.in = in;
            this.chunked = chunked;
            this.remaining = chunked ? 0 : length;
        }

        int read(byte[] buf) throws IOException {
            if (eof) {
                return -1;
            }
            if (chunked && remaining == 0) {
                String size = line(in);
                if (size == null) {
                    throw new IOException("eof in chunk header");
                }
                if (size.isEmpty()) {
                    size = line(in);   // CRLF after the previous chunk
                }
                remaining = Long.parseLong(size.split(";")[0].trim(), 16);
                if (remaining == 0) {
                    while ((size = line(in)) != null && !size.isEmpty()) {
                        // trailers
                    }
                    eof = true;
                    return -1;
                }
            }
            if (remaining == 0) {
                eof = true;
                return -1;
            }
            int max = remaining < 0 ? buf.length : (int) Math.min(buf.length, remaining);
            int n = in.read(buf, 0, max);
            if (n < 0) {
                eof = true;
                if (remaining > 0 && !chunked) {
                    throw new IOException("eof in body");
                }
                return -1;
            }
            if (remaining > 0) {
                remaining -= n;
            }
            return n;
        }

        byte[] readAll(int max) throws IOException {
            byte[] buf = new byte[max];
            int total = 0;
            int n;
            while (total < max && (n = read(tmp)) > 0) {
                int c = Math.min(n, max - total);
                System.arraycopy(tmp, 0, buf, total, c);
                total += c;
            }
            return java.util.Arrays.copyOf(buf, total);
        }

        private final byte[] tmp = new byte[1024];
    }

    /** Splits a body into SSE events at blank lines. */
    private static final class EventReader {
        private final Body body;
        private final byte[] buf = new byte[8192];
        private final StringBuilder pending = new StringBuilder();

        EventReader(Body body) {
            this.body = body;
        }

        String next() throws IOException {
            while (true) {
                int end = pending.indexOf("\n\n");
                if (end >= 0) {
                    String e = pending.substring(0, end);
                    pending.delete(0, end + 2);
                    return e;
                }
                int n = body.read(buf);
                if (n < 0) {
                    return pending.isEmpty() ? null : drain();
                }
                for (int i = 0; i < n; i++) {
                    if (buf[i] != '\r') {
                        pending.append((char) (buf[i] & 0xff));
                    }
                }
            }
        }

        private String drain() {
            String e = pending.toString().strip();
            pending.setLength(0);
            return e.isEmpty() ? null : e;
        }
    }

    /** Lock-free histogram of microsecond values: 1 µs buckets below 10 ms, 100 µs buckets up to 120 s. */
    private static final class Histogram {
        private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
        private final AtomicLong total = new AtomicLong();
        private final AtomicLong max = new AtomicLong();

        void record(long us) {
            long v = Math.max(0, us);
            int i = v < FINE ? (int) v : (int) Math.min(BUCKETS - 1, FINE + (v - FINE) / COARSE);
            counts.incrementAndGet(i);
            total.incrementAndGet();
            max.accumulateAndGet(v, Math::max);
        }

        long percentile(double p) {
            long n = total.get();
            if (n == 0) {
                return 0;
            }
            long rank = (long) Math.ceil(p / 100 * n);
            long seen = 0;
            for (int i = 0; i < BUCKETS; i++) {
                seen += counts.get(i);
                if (seen >= rank) {
                    return i < FINE ? i : FINE + (long) (i - FINE) * COARSE;
                }
            }
            return max.get();
        }

        long max() {
            return max.get();
        }
    }
}
