package dev.optoant.domain.passthrough;

import dev.optoant.domain.error.ErrorKind;
import dev.optoant.domain.error.GatewayException;
import dev.optoant.domain.log.RequestTrace;
import dev.optoant.domain.messages.UpstreamErrors;
import dev.optoant.domain.port.PassthroughUpstream;
import dev.optoant.domain.port.UpstreamReply;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Relays OpenAI-API requests byte for byte, flushing whenever the upstream pauses so SSE events arrive live. */
public final class PassthroughService implements PassthroughUseCase {
    private static final int BUFFER_BYTES = 8192;
    private static final int CAPTURED_BYTES = 16 * 1024;
    // Host and length are the upstream client's to set. Accept-Encoding is dropped so the upstream answers in
    // identity encoding and the relay can read usage from the bytes; Expect is answered by our own server.
    private static final HopByHopHeaders REQUEST_HEADERS = HopByHopHeaders.plus(
            Set.of("host", "content-length", "accept-encoding", "expect"));
    private static final HopByHopHeaders RESPONSE_HEADERS = HopByHopHeaders.plus(Set.of());

    private final PassthroughUpstream upstream;
    private final PassthroughSettings settings;

    public PassthroughService(PassthroughUpstream upstream, PassthroughSettings settings) {
        this.upstream = upstream;
        this.settings = settings;
    }

    @Override
    public RelayOutcome forward(RelayRequest request, RelayResponder responder, RequestTrace trace)
            throws IOException {
        RelayPath.requireInside(request.rawPath(), settings.pathPrefix());
        if (request.contentLength() > settings.maxBodyBytes()) {
            throw tooLarge();
        }
        PrefixCapture requestPrefix = new PrefixCapture(request.body(), CAPTURED_BYTES);
        RelayRequest outbound = request.withHeadersAndBody(
                upstreamHeaders(request.headers()),
                new BoundedInputStream(requestPrefix, settings.maxBodyBytes()));
        TailCapture responseTail = new TailCapture(CAPTURED_BYTES);
        try (UpstreamReply reply = upstream.send(outbound)) {
            trace.firstByte();
            OutputStream out = responder.start(reply.status(), RESPONSE_HEADERS.strip(reply.headers()));
            RelayOutcome outcome = copy(reply, out, responseTail);
            byte[] tail = responseTail.bytes();
            observe(reply.status(), outcome, tail, trace);
            if (settings.captureBodies()) {
                trace.bodies(new String(requestPrefix.captured(), StandardCharsets.UTF_8),
                        new String(tail, StandardCharsets.UTF_8));
            }
            return outcome;
        } finally {
            BodyFacts.RequestFacts facts = BodyFacts.request(requestPrefix.captured());
            trace.requested(facts.model(), facts.stream());
        }
    }

    private static void observe(int status, RelayOutcome outcome, byte[] tail, RequestTrace trace) {
        trace.usage(BodyFacts.usage(tail));
        switch (outcome) {
            case COMPLETED -> {
                if (status >= 400) {
                    trace.error("upstream_http_" + status, UpstreamErrors.extract(new String(tail, StandardCharsets.UTF_8)));
                }
            }
            case UPSTREAM_FAILED -> trace.error("upstream_error", "Upstream failed or went silent mid-response");
            case CLIENT_GONE -> trace.error("client_disconnected", "Client disconnected before the response ended");
        }
    }

    private List<Header> upstreamHeaders(List<Header> clientHeaders) {
        List<Header> headers = REQUEST_HEADERS.strip(clientHeaders);
        if (settings.upstreamApiKey().isEmpty()) {
            return headers;
        }
        List<Header> replaced = new ArrayList<>(headers.size() + 1);
        for (Header header : headers) {
            // The client's key is for this gateway: with a key of our own, none of its spellings goes upstream.
            if (!header.is("authorization") && !header.is("x-api-key") && !header.is("api-key")) {
                replaced.add(header);
            }
        }
        replaced.add(new Header("Authorization", "Bearer " + settings.upstreamApiKey().get()));
        return replaced;
    }

    private static RelayOutcome copy(UpstreamReply reply, OutputStream out, TailCapture tail) {
        InputStream in = reply.body();
        byte[] buffer = new byte[BUFFER_BYTES];
        while (true) {
            int n;
            boolean paused;
            try {
                n = in.read(buffer);
                paused = n > 0 && in.available() == 0;
            } catch (IOException e) {
                reply.abort();
                return RelayOutcome.UPSTREAM_FAILED;
            }
            if (n < 0) {
                return RelayOutcome.COMPLETED;
            }
            tail.append(buffer, 0, n);
            try {
                out.write(buffer, 0, n);
                if (paused) {
                    out.flush();
                }
            } catch (IOException e) {
                reply.abort();
                return RelayOutcome.CLIENT_GONE;
            }
        }
    }

    private GatewayException tooLarge() {
        return new GatewayException(ErrorKind.REQUEST_TOO_LARGE,
                "Request body exceeds the limit of " + settings.maxBodyBytes() + " bytes");
    }
}
