package dev.optoant.bench.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optoant.domain.anthropic.MessagesRequest;
import dev.optoant.domain.convert.AnthropicToOpenAi;
import dev.optoant.domain.convert.ConversionSettings;
import dev.optoant.domain.openai.ChatCompletionRequest;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Anthropic request to upstream request: the conversion alone, and each step the gateway does per request around it
 * (parse the client's bytes, convert, serialize for the upstream). {@code agent} is bench/bodies/anthropic-agent.json
 * (Claude Code-like: 20 KB system prompt, 10 tools, 10 tool_use/tool_result rounds, 45 KB); {@code small} is a
 * system prompt and one user message.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RequestConversionBenchmark {
    @Param({"agent", "small"})
    public String body;

    private byte[] json;
    private MessagesRequest request;
    private AnthropicToOpenAi converter;
    private ChatCompletionRequest converted;

    @Setup
    public void setUp() throws IOException {
        json = Fixtures.resource("bench/bodies/anthropic-" + body + ".json");
        request = new ObjectMapper().readValue(json, MessagesRequest.class);
        converter = new AnthropicToOpenAi(ConversionSettings.deepSeekDefaults());
        converted = converter.convert(request);
    }

    /** The conversion alone, with the converter built once as the gateway does at start-up. */
    @Benchmark
    public ChatCompletionRequest convert() {
        return converter.convert(request);
    }

    /** The conversion including building the converter (settings copy, validator) each time. */
    @Benchmark
    public ChatCompletionRequest convertWithNewConverter() {
        return new AnthropicToOpenAi(ConversionSettings.deepSeekDefaults()).convert(request);
    }

    /** Reading the client's body into records, as the HTTP adapter does. */
    @Benchmark
    public MessagesRequest parse() throws IOException {
        return Fixtures.MESSAGES_REQUEST.readValue(json);
    }

    /** Writing the converted request as the upstream adapter does. */
    @Benchmark
    public byte[] serialize() throws IOException {
        return Fixtures.UPSTREAM_JSON.writeValueAsBytes(converted);
    }

    /** Client bytes in, upstream bytes out: everything the Anthropic lane adds to a request before sending it. */
    @Benchmark
    public byte[] parseConvertSerialize() throws IOException {
        MessagesRequest parsed = Fixtures.MESSAGES_REQUEST.readValue(json);
        return Fixtures.UPSTREAM_JSON.writeValueAsBytes(converter.convert(parsed));
    }
}
