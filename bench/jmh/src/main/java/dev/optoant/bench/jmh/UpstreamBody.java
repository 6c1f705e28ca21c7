package dev.optoant.bench.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optoant.domain.anthropic.MessagesRequest;
import dev.optoant.domain.convert.AnthropicToOpenAi;
import dev.optoant.domain.convert.ConversionSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints the Chat Completions body the gateway sends upstream for an Anthropic body (a file), with DeepSeek's
 * default settings: bench/run.sh sends it straight to the upstream and through the passthrough, so the lanes it
 * compares move the same request.
 */
public final class UpstreamBody {
    private UpstreamBody() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: UpstreamBody <anthropic-request.json>");
            System.exit(2);
        }
        MessagesRequest request = new ObjectMapper().readValue(Files.readAllBytes(Path.of(args[0])),
                MessagesRequest.class);
        var converted = new AnthropicToOpenAi(ConversionSettings.deepSeekDefaults()).convert(request);
        System.out.write(Fixtures.UPSTREAM_JSON.writeValueAsBytes(converted));
        System.out.println();
        System.out.flush();
    }
}
