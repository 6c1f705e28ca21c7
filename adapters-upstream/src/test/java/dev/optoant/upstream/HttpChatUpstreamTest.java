package dev.optoant.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optoant.domain.openai.ChatCompletion;
import dev.optoant.domain.openai.ChatCompletionRequest;
import dev.optoant.domain.openai.ChatMessage;
import dev.optoant.domain.openai.MessageContent;
import dev.optoant.domain.port.ChunkStream;
import dev.optoant.domain.port.UpstreamStatusException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Chat Completions adapter against real local servers: request shape, JSON and SSE answers, error statuses. */
class HttpChatUpstreamTest {
    private static final ChatCompletionRequest REQUEST = new ChatCompletionRequest("deepseek-chat",
            List.of(ChatMessage.user(new MessageContent.Text("Hi"))), 100, null, null, null, null, null, null, null,
            null, null, null, null);

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)content-length: *(\\d+)");

    private static HttpChatUpstream chat(java.net.URI base) {
        return new HttpChatUpstream(UpstreamTestSupport.client(base, Duration.ofSeconds(2), Duration.ofSeconds(2)), base, 1024);
    }

    @Test
    void completionIsPostedAsJsonWithTheBearerTokenAndParsed() throws Exception {
        try (EchoUpstream upstream = new EchoUpstream()) {
            upstream.replyBody = ("{\"id\":\"c\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hello\"},"
                    + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1},\"extra\":true}")
                    .getBytes(StandardCharsets.UTF_8);

            ChatCompletion completion = chat(upstream.baseUrl()).complete(REQUEST, "sk-1");

            assertThat(completion.choices().get(0).message().content()).isEqualTo("Hello");
            EchoUpstream.Received received = upstream.only();
            assertThat(received.method()).isEqualTo("POST");
            assertThat(received.rawPath()).isEqualTo("/v1/chat/completions");
            assertThat(received.headers().getFirst("Authorization")).isEqualTo("Bearer sk-1");
            assertThat(received.headers().getFirst("Content-Type")).startsWith("application/json");
            assertThat(new String(received.body(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"model\":\"deepseek-chat\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"max_tokens\":100}");
        }
    }

    @Test
    void answersOfADeclaredLengthOrChunkedAreReadWholeAndLeaveTheConnectionForTheNextCall() throws Exception {
        byte[] json = ("{\"id\":\"c\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
                + "x".repeat(40_000) + "\"},\"finish_reason\":\"stop\"}]}").getBytes(StandardCharsets.UTF_8);
        AtomicInteger connections = new AtomicInteger();
        try (RawUpstream server = RawUpstream.start(socket -> {
            connections.incrementAndGet();
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            for (int exchange = 0; ; exchange++) {
                Matcher length = CONTENT_LENGTH.matcher(RawUpstream.readRequestHead(in));
                in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
                if (exchange % 2 == 0) {
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + json.length
                            + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(json);
                    out.flush();
                } else {
                    RawUpstream.writeChunkedHead(out, "application/json");
                    RawUpstream.writeChunk(out, Arrays.copyOf(json, 100));
                    RawUpstream.writeChunk(out, Arrays.copyOfRange(json, 100, json.length));
                    RawUpstream.writeLastChunk(out);
                }
            }
        })) {
            HttpChatUpstream chat = chat(server.baseUrl());
            for (int call = 0; call < 4; call++) {
                assertThat(chat.complete(REQUEST, "k").choices().get(0).message().content()).hasSize(40_000);
            }
            assertThat(connections.get()).isEqualTo(1);
        }
    }

    @Test
    void aStreamReadToDoneLeavesTheConnectionForTheNextCall() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (RawUpstream server = RawUpstream.start(socket -> {
            connections.incrementAndGet();
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                Matcher length = CONTENT_LENGTH.matcher(RawUpstream.readRequestHead(in));
                in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
                RawUpstream.writeChunkedHead(out, "text/event-stream");
                RawUpstream.writeChunk(out, "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}\n\n"
                        .getBytes(StandardCharsets.UTF_8));
                RawUpstream.writeChunk(out, "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
                RawUpstream.writeLastChunk(out);
            }
        })) {
            HttpChatUpstream chat = chat(server.baseUrl());
            for (int call = 0; call < 3; call++) {
                try (ChunkStream stream = chat.stream(REQUEST, "k")) {
                    assertThat(stream.next()).isInstanceOf(ChunkStream.Chunk.class);
                    assertThat(stream.next()).isEqualTo(new ChunkStream.End(true));
                }
            }
            assertThat(connections.get()).isEqualTo(1);
        }
    }

    @Test
    void aStreamWhoseBodyGoesOnAfterDoneIsDroppedInsteadOfReadOn() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (RawUpstream server = RawUpstream.start(socket -> {
            connections.incrementAndGet();
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            Matcher length = CONTENT_LENGTH.matcher(RawUpstream.readRequestHead(in));
            in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
            RawUpstream.writeChunkedHead(out, "text/event-stream");
            RawUpstream.writeChunk(out, "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            in.read(); // the body stays open until the client drops the connection
        })) {
            HttpChatUpstream chat = chat(server.baseUrl());
            for (int call = 0; call < 2; call++) {
                try (ChunkStream stream = chat.stream(REQUEST, "k")) {
                    assertThat(stream.next()).isEqualTo(new ChunkStream.End(true));
                }
            }
            assertThat(connections.get()).isEqualTo(2);
        }
    }

    @Test
    void noCredentialMeansNoAuthorizationHeader() throws Exception {
        try (EchoUpstream upstream = new EchoUpstream()) {
            upstream.replyBody = "{\"choices\":[]}".getBytes(StandardCharsets.UTF_8);
            chat(upstream.baseUrl()).complete(REQUEST, null);
            assertThat(upstream.only().headers().getFirst("Authorization")).isNull();
        }
    }

    @Test
    void errorStatusCarriesTheUpstreamBody() throws Exception {
        try (EchoUpstream upstream = new EchoUpstream()) {
            upstream.replyStatus = 402;
            upstream.replyBody = "{\"error\":{\"message\":\"Insufficient Balance\"}}".getBytes(StandardCharsets.UTF_8);

            assertThatThrownBy(() -> chat(upstream.baseUrl()).stream(REQUEST, "k"))
                    .isInstanceOfSatisfying(UpstreamStatusException.class, e -> {
                        assertThat(e.status()).isEqualTo(402);
                        assertThat(e.body()).contains("Insufficient Balance");
                    });
        }
    }

    @Test
    void sseItemsAreReadAcrossChunkBoundariesWithCommentsAndDone() throws Exception {
        String sse = ": keep-alive\n\ndata: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}\r\n\r\n"
                + "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"b\"}}]}\n\ndata: {\"error\":{\"message\":\"boom\"}}\n\n"
                + "data: [DONE]\n\n";
        List<ChunkStream.Item> items = readAll(sse, 7);

        assertThat(items).hasSize(5);
        assertThat(items.get(0)).isInstanceOf(ChunkStream.KeepAlive.class);
        assertThat(((ChunkStream.Chunk) items.get(1)).chunk().choices().get(0).delta().content()).isEqualTo("a");
        assertThat(((ChunkStream.Chunk) items.get(2)).chunk().choices().get(0).delta().content()).isEqualTo("b");
        assertThat(items.get(3)).as("an error object is no chunk").isInstanceOf(ChunkStream.Malformed.class);
        assertThat(items.get(4)).isEqualTo(new ChunkStream.End(true));
    }

    @Test
    void endOfBodyWithoutDoneAndGarbageLinesAreReported() throws Exception {
        String sse = "data: not json\n\ndata: {\"choices\":[]}\n\n";
        try (RawUpstream upstream = rawSse(sse.getBytes(StandardCharsets.UTF_8), Integer.MAX_VALUE)) {
            try (ChunkStream stream = chat(upstream.baseUrl()).stream(REQUEST, "k")) {
                assertThat(stream.next()).isEqualTo(new ChunkStream.Malformed("not json"));
                assertThat(stream.next()).isInstanceOf(ChunkStream.Chunk.class);
                assertThat(stream.next()).isEqualTo(new ChunkStream.End(false));
            }
        }
    }

    @Test
    void aLineOverTheLimitFailsTheStream() throws Exception {
        String huge = "data: " + "x".repeat(5000) + "\n\n";
        try (RawUpstream upstream = rawSse(huge.getBytes(StandardCharsets.UTF_8), Integer.MAX_VALUE)) {
            try (ChunkStream stream = chat(upstream.baseUrl()).stream(REQUEST, "k")) {
                assertThatThrownBy(stream::next).isInstanceOf(java.io.IOException.class).hasMessageContaining("1024");
            }
        }
    }

    @Test
    void multiLineDataFieldVariantsLineEndingsAndSplitCharactersAreRead() throws Exception {
        String sse = "event: message\rid: 7\rdata:{\"choices\":[{\"index\":0,\r"
                + "data: \"delta\":{\"content\":\"h\u00e9llo \u4e16\u754c \ud83d\ude00\"}}]}\r\r"
                + "retry: 10\ndata: [DONE]\n\n";
        List<ChunkStream.Item> items = readAll(sse, 3);

        assertThat(items).hasSize(2);
        assertThat(((ChunkStream.Chunk) items.get(0)).chunk().choices().get(0).delta().content())
                .isEqualTo("h\u00e9llo \u4e16\u754c \ud83d\ude00");
        assertThat(items.get(1)).isEqualTo(new ChunkStream.End(true));
    }

    @Test
    void anEventOfManyDataLinesOverTheLimitFailsTheStream() throws Exception {
        String line = "data: " + "x".repeat(600) + "\n";
        try (RawUpstream upstream = rawSse((line + line).getBytes(StandardCharsets.UTF_8), Integer.MAX_VALUE)) {
            try (ChunkStream stream = chat(upstream.baseUrl()).stream(REQUEST, "k")) {
                assertThatThrownBy(stream::next).isInstanceOf(java.io.IOException.class)
                        .hasMessageContaining("event longer than 1024");
            }
        }
    }

    private static List<ChunkStream.Item> readAll(String sse, int piece) throws Exception {
        try (RawUpstream upstream = rawSse(sse.getBytes(StandardCharsets.UTF_8), piece)) {
            List<ChunkStream.Item> items = new ArrayList<>();
            try (ChunkStream stream = chat(upstream.baseUrl()).stream(REQUEST, "k")) {
                ChunkStream.Item item;
                do {
                    item = stream.next();
                    items.add(item);
                } while (!(item instanceof ChunkStream.End));
            }
            return items;
        }
    }

    /**
     * An upstream that answers with these bytes as SSE, in HTTP chunks of {@code piece} bytes; the client may stop
     * reading and hang up before the last of them.
     */
    private static RawUpstream rawSse(byte[] bytes, int piece) throws Exception {
        return RawUpstream.startAllowingHangUps(socket -> {
            RawUpstream.readRequestHead(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            RawUpstream.writeChunkedHead(out, "text/event-stream");
            for (int i = 0; i < bytes.length; i += piece) {
                RawUpstream.writeChunk(out, java.util.Arrays.copyOfRange(bytes, i, (int) Math.min(bytes.length, (long) i + piece)));
            }
            RawUpstream.writeLastChunk(out);
        });
    }
}
