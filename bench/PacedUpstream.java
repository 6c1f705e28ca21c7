import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Paced streaming OpenAI-like upstream for the streaming benchmarks: every POST gets a Chat Completions event stream
 * whose deltas (reasoning_content, then content, then one tool call's argument fragments) are spaced by a delay, as a
 * model emitting tokens does. One virtual thread per connection, HTTP/1.1 keep-alive, no dependencies.
 *
 * <p>Usage: {@code java PacedUpstream.java [--port 18100] [--host 127.0.0.1] [--delay-ms 20] [--events 50]}. A request
 * body containing {@code pace=<delayMs>/<events>} (anywhere, e.g. in a user message, so it survives the gateway's
 * conversion) overrides the defaults for that response. The first delta goes out with the role, at once; the finish
 * chunk (with usage) and {@code [DONE]} follow the last delta without delay. A request without {@code "stream":true}
 * gets a plain chat.completion.
 */
public final class PacedUpstream {
    private static final Pattern PACE = Pattern.compile("pace=(\\d+)/(\\d+)");
    private static final Pattern STREAM = Pattern.compile("\"stream\"\\s*:\\s*true");
    private static final AtomicLong OPEN = new AtomicLong();
    private static final AtomicLong STREAMS = new AtomicLong();

    private PacedUpstream() {
    }

    public static void main(String[] args) throws IOException {
        int port = 18100;
        String host = "127.0.0.1";
        long delayMs = 20;
        int events = 50;
        for (int i = 0; i < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(v);
                case "--host" -> host = v;
                case "--delay-ms" -> delayMs = Long.parseLong(v);
                case "--events" -> events = Integer.parseInt(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        long defaultDelay = delayMs;
        int defaultEvents = events;
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getByName(host), port), 16384);
            System.err.printf("paced upstream on %s:%d, default pace %d ms x %d deltas%n", host, port, delayMs, events);
            Thread.ofVirtual().start(() -> report());
            while (true) {
                Socket s = server.accept();
                Thread.ofVirtual().start(() -> serve(s, defaultDelay, defaultEvents));
            }
        }
    }

    private static void report() {
        long last = -1;
        while (true) {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                return;
            }
            long open = OPEN.get();
            if (open != last) {
                System.err.printf("open connections %d, streams served %d%n", open, STREAMS.get());
                last = open;
            }
        }
    }

    private static void serve(Socket socket, long defaultDelay, int defaultEvents) {
        OPEN.incrementAndGet();
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16384);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 8192);
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                String lower = head.toLowerCase(Locale.ROOT);
                byte[] body = readBody(in, lower);
                String text = new String(body, StandardCharsets.UTF_8);
                long delay = defaultDelay;
                int events = defaultEvents;
                Matcher m = PACE.matcher(text);
                if (m.find()) {
                    delay = Long.parseLong(m.group(1));
                    events = Math.max(1, Integer.parseInt(m.group(2)));
                }
                if (!head.startsWith("POST ")) {
                    write(out, "404 Not Found", "application/json", "{\"error\":{\"message\":\"POST only\"}}");
                } else if (STREAM.matcher(text).find()) {
                    STREAMS.incrementAndGet();
                    stream(out, delay, events);
                } else {
                    write(out, "200 OK", "application/json", completion());
                }
                if (lower.contains("\nconnection: close")) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // client went away
        } finally {
            OPEN.decrementAndGet();
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(512);
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            buf.write(b);
            state = switch (state) {
                case 0, 2 -> b == '\r' ? state + 1 : 0;
                case 1, 3 -> b == '\n' ? state + 1 : (b == '\r' ? 1 : 0);
                default -> 0;
            };
            if (buf.size() > 65536) {
                throw new IOException("header too large");
            }
        }
        return buf.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] readBody(InputStream in, String lowerHead) throws IOException {
        Matcher cl = Pattern.compile("\ncontent-length:\\s*(\\d+)").matcher(lowerHead);
        if (cl.find()) {
            return in.readNBytes(Integer.parseInt(cl.group(1)));
        }
        if (!lowerHead.contains("\ntransfer-encoding: chunked")) {
            return new byte[0];
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String line = readLine(in);
            int size = Integer.parseInt(line.split(";")[0].trim(), 16);
            if (size == 0) {
                while (!readLine(in).isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                sb.append((char) b);
            }
        }
        if (b < 0) {
            throw new IOException("eof");
        }
        return sb.toString();
    }

    private static void write(OutputStream out, String status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + "\r\nContent-Type: " + type + "\r\nContent-Length: " + bytes.length
                + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.flush();
    }

    private static String completion() {
        return "{\"id\":\"chatcmpl-paced\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"deepseek-chat\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hello.\"},"
                + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":2,\"total_tokens\":12}}";
    }

    private static final String PREFIX =
            "{\"id\":\"chatcmpl-paced\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"deepseek-chat\","
                    + "\"choices\":[{\"index\":0,\"delta\":";

    /** Deltas: 40% reasoning, 30% text, the rest one Edit tool call's arguments (id and name with the first). */
    private static void stream(OutputStream out, long delayMs, int events) throws IOException, InterruptedException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        int reasoning = Math.max(1, events * 4 / 10);
        int text = events >= 3 ? Math.max(1, events * 3 / 10) : Math.max(0, events - reasoning);
        int tool = events - reasoning - text;
        for (int i = 0; i < events; i++) {
            if (i > 0) {
                Thread.sleep(delayMs);
            }
            String delta;
            if (i < reasoning) {
                delta = (i == 0 ? "{\"role\":\"assistant\",\"content\":null," : "{")
                        + "\"reasoning_content\":\"step " + i + " of the plan. \"}";
            } else if (i < reasoning + text) {
                delta = "{\"content\":\"word" + i + " \"}";
            } else {
                // Every tool-call chunk carries an argument fragment (the first one with id and name too), so each
                // upstream delta becomes one client delta on the Anthropic lane as well.
                boolean first = i == reasoning + text;
                String frag = first ? "{\\\"file_path\\\":\\\"/tmp/a.txt\\\",\\\"x\\\":\\\"" : "ab";
                if (i == events - 1) {
                    frag += "\\\"}";
                }
                delta = "{\"tool_calls\":[{\"index\":0," + (first
                        ? "\"id\":\"call_paced_1\",\"type\":\"function\",\"function\":{\"name\":\"Edit\","
                        : "\"function\":{") + "\"arguments\":\"" + frag + "\"}}]}";
            }
            chunk(out, "data: " + PREFIX + delta + ",\"finish_reason\":null}]}\n\n");
        }
        String finish = tool > 0 ? "tool_calls" : "stop";
        chunk(out, "data: " + PREFIX + "{},\"finish_reason\":\"" + finish + "\"}],\"usage\":{\"prompt_tokens\":10,"
                + "\"completion_tokens\":" + events + ",\"total_tokens\":" + (10 + events) + "}}\n\ndata: [DONE]\n\n");
        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static void chunk(OutputStream out, String data) throws IOException {
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.write('\r');
        out.write('\n');
        out.flush();
    }
}
