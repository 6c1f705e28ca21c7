package dev.optoant.upstream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.optoant.domain.error.ErrorKind;
import dev.optoant.domain.error.GatewayException;
import dev.optoant.domain.json.PooledJson;
import dev.optoant.domain.messages.UpstreamErrors;
import dev.optoant.domain.openai.ChatCompletion;
import dev.optoant.domain.openai.ChatCompletionChunk;
import dev.optoant.domain.openai.ChatCompletionRequest;
import dev.optoant.domain.port.ChatUpstream;
import dev.optoant.domain.port.ChunkStream;
import dev.optoant.domain.port.UpstreamStatusException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.HttpClientConnection;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/** {@link ChatUpstream} over Apache HttpClient 5: {@code POST <base>/v1/chat/completions}, JSON or SSE back. */
public final class HttpChatUpstream implements ChatUpstream {
    private static final int MAX_ERROR_BODY_BYTES = 64 * 1024;
    /** Above this a declared length is not trusted for one allocation up front; the body is read in steps. */
    private static final int MAX_DECLARED_READ_BYTES = 1024 * 1024;
    private static final ObjectMapper JSON = PooledJson.newMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final ObjectReader COMPLETION = JSON.readerFor(ChatCompletion.class);
    /** Package-private so the SSE reader and the chunk decoder can be tested against it without an HTTP exchange. */
    static final ObjectReader CHUNK = JSON.readerFor(ChatCompletionChunk.class);

    private final CloseableHttpClient client;
    private final URI endpoint;
    private final String origin;
    private final int maxSseLineBytes;

    public HttpChatUpstream(CloseableHttpClient client, URI baseUrl, int maxSseLineBytes) {
        UpstreamUrl url = new UpstreamUrl(baseUrl);
        this.client = client;
        this.endpoint = URI.create(url.resolve("/v1/chat/completions", null));
        this.origin = url.origin();
        this.maxSseLineBytes = maxSseLineBytes;
    }

    @Override
    public ChatCompletion complete(ChatCompletionRequest request, String bearerToken) {
        try (HttpUpstreamReply reply = send(request, bearerToken, "application/json")) {
            try {
                byte[] body = readBody(reply);
                ChatCompletion completion = COMPLETION.readValue(body);
                // An object with no id, choices or usage is no completion: upstreams send {"error":{...}} with 200.
                if (completion == null
                        || completion.id() == null && completion.choices() == null && completion.usage() == null) {
                    throw new GatewayException(ErrorKind.UPSTREAM_UNREACHABLE,
                            "Upstream answered with a body that is not a chat completion: "
                                    + UpstreamErrors.extract(new String(body, 0, Math.min(body.length, MAX_ERROR_BODY_BYTES),
                                            StandardCharsets.UTF_8)));
                }
                return completion;
            } catch (JsonProcessingException e) {
                throw new GatewayException(ErrorKind.UPSTREAM_UNREACHABLE,
                        "Upstream answered with a body that is not a chat completion: " + e.getOriginalMessage(), e);
            } catch (IOException e) {
                throw new GatewayException(ErrorKind.UPSTREAM_UNREACHABLE,
                        "Upstream failed while sending its answer: " + e.getMessage(), e);
            }
        }
    }

    /**
     * The whole answer, read into one array of its declared length when it has one (reading it in steps takes
     * 16 KiB pieces, for a 500-byte answer too), then once more to find its end, which gives the connection back to
     * the pool.
     */
    private static byte[] readBody(HttpUpstreamReply reply) throws IOException {
        HttpEntity entity = reply.response().getEntity();
        long declared = entity == null ? -1 : entity.getContentLength();
        InputStream in = reply.body();
        if (declared < 0 || declared > MAX_DECLARED_READ_BYTES) {
            return in.readAllBytes();
        }
        byte[] body = new byte[(int) declared];
        int read = in.readNBytes(body, 0, body.length);
        if (read < body.length) {
            return Arrays.copyOf(body, read);
        }
        in.read();
        return body;
    }

    @Override
    public ChunkStream stream(ChatCompletionRequest request, String bearerToken) {
        return new SseChunkStream(send(request, bearerToken, "text/event-stream"), new ChunkDecoder(CHUNK),
                maxSseLineBytes);
    }

    private HttpUpstreamReply send(ChatCompletionRequest request, String bearerToken, String accept) {
        HttpPost post = new HttpPost(endpoint);
        try {
            post.setEntity(new ByteArrayEntity(JSON.writeValueAsBytes(request), ContentType.APPLICATION_JSON));
        } catch (JsonProcessingException e) {
            throw new GatewayException(ErrorKind.INTERNAL, "Could not encode the upstream request", e);
        }
        post.setHeader("Accept", accept);
        if (bearerToken != null && !bearerToken.isEmpty()) {
            post.setHeader("Authorization", "Bearer " + bearerToken);
        }
        HttpUpstreamReply reply;
        try {
            HttpClientContext context = HttpClientContext.create();
            ClassicHttpResponse response = client.executeOpen(null, post, context);
            reply = new HttpUpstreamReply(post, response,
                    context.getAttribute(IdleTimeoutRequestExecutor.CONNECTION) instanceof HttpClientConnection c
                            ? c : null);
        } catch (IllegalStateException e) {
            throw UpstreamFailures.poolClosed(e);
        } catch (IOException e) {
            post.cancel();
            throw UpstreamFailures.translate(e, origin);
        }
        if (reply.status() / 100 != 2) {
            String body = readErrorBody(reply);
            reply.close();
            org.apache.hc.core5.http.Header retryAfter = reply.response().getFirstHeader("Retry-After");
            throw new UpstreamStatusException(reply.status(), body, retryAfter == null ? null : retryAfter.getValue());
        }
        return reply;
    }

    private static String readErrorBody(HttpUpstreamReply reply) {
        try (InputStream in = reply.body()) {
            return new String(in.readNBytes(MAX_ERROR_BODY_BYTES), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
