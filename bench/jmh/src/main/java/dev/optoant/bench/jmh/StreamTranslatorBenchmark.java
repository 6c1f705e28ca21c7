package dev.optoant.bench.jmh;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.optoant.domain.anthropic.StreamEvent;
import dev.optoant.domain.convert.StreamTranslator;
import dev.optoant.domain.openai.ChatCompletionChunk;
import dev.optoant.domain.port.EventSink;
import dev.optoant.http.HttpSinks;
import dev.optoant.upstream.UpstreamChunkReaders;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One whole streamed answer through {@link StreamTranslator}: bench/upstream/agent-stream.sse, 207 DeepSeek-style
 * chunks (113 of reasoning, 30 of text, one Edit tool call whose arguments come in 61 fragments, usage on the finish
 * chunk). One op is one stream: message_start to message_stop.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StreamTranslatorBenchmark {
    private static final byte[] EVENT = "event: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA = "\ndata: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);

    private List<String> data;
    private List<byte[]> dataBytes;
    private List<ChatCompletionChunk> chunks;
    private final ByteArrayOutputStream wire = new ByteArrayOutputStream(64 * 1024);

    @Setup
    public void setUp() throws IOException {
        data = Fixtures.sseData("bench/upstream/agent-stream.sse");
        chunks = new ArrayList<>(data.size());
        dataBytes = new ArrayList<>(data.size());
        for (String payload : data) {
            chunks.add(Fixtures.CHUNK.readValue(payload));
            dataBytes.add(payload.getBytes(StandardCharsets.UTF_8));
        }
        int[] events = {0};
        translate(chunks, event -> events[0]++);
        wire.reset();
        translate(chunks, this::writeFrame);
        System.out.printf("# stream: %d chunks -> %d Anthropic events, %d bytes of SSE%n",
                chunks.size(), events[0], wire.size());
    }

    /** Translation alone: events go to a sink that only hands them to the blackhole. */
    @Benchmark
    public void translateNoopSink(Blackhole blackhole) throws IOException {
        translate(chunks, blackhole::consume);
    }

    /** Translation plus writing each event as an SSE frame with Jackson, as the HTTP adapter's sink does. */
    @Benchmark
    public int translateJsonSink() throws IOException {
        wire.reset();
        translate(chunks, this::writeFrame);
        return wire.size();
    }

    /** Translation plus the HTTP adapter's own SSE sink (SseEventSink), flushed once at the end of the stream. */
    @Benchmark
    public int translateAdapterSink() throws IOException {
        wire.reset();
        EventSink sink = HttpSinks.sse(wire);
        translate(chunks, sink);
        sink.flush();
        return wire.size();
    }

    /** Reading the upstream's data lines into chunks from decoded strings, as the upstream adapter once did. */
    @Benchmark
    public void parseChunks(Blackhole blackhole) throws IOException {
        for (String payload : data) {
            blackhole.consume(Fixtures.CHUNK.readValue(payload));
        }
    }

    /** Reading the upstream's data lines into chunks straight from their bytes, as the upstream adapter does. */
    @Benchmark
    public void parseChunksFromBytes(Blackhole blackhole) throws IOException {
        for (byte[] payload : dataBytes) {
            blackhole.consume(Fixtures.CHUNK.readValue(payload, 0, payload.length));
        }
    }

    /** As {@link #parseChunksFromBytes} with the upstream adapter's own databind reader (its pooled JsonFactory). */
    @Benchmark
    public void parseChunksAdapterDatabind(Blackhole blackhole) throws IOException {
        ObjectReader reader = UpstreamChunkReaders.databind();
        for (byte[] payload : dataBytes) {
            blackhole.consume(reader.readValue(payload, 0, payload.length));
        }
    }

    /** Reading the same bytes with the upstream adapter's hand-written streaming decoder, one per stream as there. */
    @Benchmark
    public void parseChunksWithDecoder(Blackhole blackhole) throws IOException {
        UpstreamChunkReaders.Decoder decoder = UpstreamChunkReaders.decoder();
        for (byte[] payload : dataBytes) {
            blackhole.consume(decoder.decode(payload, 0, payload.length));
        }
    }

    /** Only the tokens of the same bytes, no values: the floor for any decoder built on Jackson's streaming parser. */
    @Benchmark
    public long tokenizeChunks() throws IOException {
        JsonFactory json = UpstreamChunkReaders.databind().getFactory();
        long tokens = 0;
        for (byte[] payload : dataBytes) {
            try (JsonParser parser = json.createParser(payload, 0, payload.length)) {
                while (parser.nextToken() != null) {
                    tokens++;
                }
            }
        }
        return tokens;
    }

    /** The whole per-stream work of the lane short of the sockets: parse each chunk, translate, write SSE frames. */
    @Benchmark
    public int parseTranslateWrite() throws IOException {
        wire.reset();
        StreamTranslator translator = new StreamTranslator("msg_bench", "claude-sonnet-4-5", 4500, this::writeFrame);
        translator.start();
        for (byte[] payload : dataBytes) {
            translator.onChunk(Fixtures.CHUNK.readValue(payload, 0, payload.length));
        }
        translator.finish();
        return wire.size();
    }

    /** As {@link #parseTranslateWrite}, reading the chunks with the adapter's streaming decoder. */
    @Benchmark
    public int decodeTranslateWrite() throws IOException {
        wire.reset();
        UpstreamChunkReaders.Decoder decoder = UpstreamChunkReaders.decoder();
        StreamTranslator translator = new StreamTranslator("msg_bench", "claude-sonnet-4-5", 4500, this::writeFrame);
        translator.start();
        for (byte[] payload : dataBytes) {
            translator.onChunk(decoder.decode(payload, 0, payload.length));
        }
        translator.finish();
        return wire.size();
    }

    private static void translate(List<ChatCompletionChunk> chunks, EventSink sink) throws IOException {
        StreamTranslator translator = new StreamTranslator("msg_bench", "claude-sonnet-4-5", 4500, sink);
        translator.start();
        for (int i = 0, n = chunks.size(); i < n; i++) {
            translator.onChunk(chunks.get(i));
        }
        translator.finish();
    }

    private void writeFrame(StreamEvent event) throws JsonProcessingException {
        wire.write(EVENT, 0, EVENT.length);
        byte[] type = event.type().getBytes(StandardCharsets.US_ASCII);
        wire.write(type, 0, type.length);
        wire.write(DATA, 0, DATA.length);
        byte[] json = Fixtures.ANTHROPIC_JSON.writeValueAsBytes(event);
        wire.write(json, 0, json.length);
        wire.write(END, 0, END.length);
    }
}
