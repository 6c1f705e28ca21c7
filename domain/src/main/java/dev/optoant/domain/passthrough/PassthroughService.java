package dev.optoant.domain.passthrough;

import dev.optoant.domain.error.ErrorKind;
import dev.optoant.domain.error.GatewayException;
import dev.optoant.domain.error.UpstreamNotReachedException;
import dev.optoant.domain.resilience.ConcurrencyLimit;
import dev.optoant.domain.resilience.RetryPolicy;
import dev.optoant.domain.resilience.UpstreamGuards;
import java.time.Duration;
import java.util.Optional;
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
    // The relay's buffer starts at half its size, as most answers are small, and grows when a read fills it. Both
    // stay above the server's aggregation size (a quarter of its 8 KiB buffer), so full reads are not copied there.
    private static final int FIRST_BUFFER_BYTES = 4096;
    private static final int BUFFER_BYTES = 8192;
    private static final int CAPTURED_BYTES = 16 * 1024;
    // Host and length are the upstream client's to set. Accept-Encoding is dropped so the upstream answers in
    // identity encoding and the relay can read usage from the bytes; Expect is answered by our own server.
    private static final HopByHopHeaders REQUEST_HEADERS = HopByHopHeaders.plus(
            Set.of("host", "content-length", "accept-encoding", "expect"));
    private static final HopByHopHeaders RESPONSE_HEADERS = HopByHopHeaders.plus(Set.of());

    private final PassthroughUpstream upstream;
    private final PassthroughSettings settings;
    private final UpstreamGuards guards;

    public PassthroughService(PassthroughUpstream upstream, PassthroughSettings settings) {
        this(upstream, settings, UpstreamGuards.none());
    }

    public PassthroughService(PassthroughUpstream upstream, PassthroughSettings settings, UpstreamGuards guards) {
        this.upstream = upstream;
        this.settings = settings;
        this.guards = guards;
    }

    @Override
    public RelayOutcome forward(RelayRequest request, RelayResponder responder, RequestTrace trace)
            throws IOException {
        RelayPath.requireInside(request.rawPath(), settings.pathPrefix());
        if (request.contentLength() > settings.maxBodyBytes()) {
            throw tooLarge();
        }
        PrefixCapture requestPrefix = new PrefixCapture(request.body(), CAPTURED_BYTES);
        boolean described = false;
        try {
            ReplayableBody body = readBody(new BoundedInputStream(requestPrefix, settings.maxBodyBytes()),
                    request.contentLength());
            // Only a body read in full tells whether it asks for a stream; a larger one counts as a request only.
            boolean stream = false;
            if (body.replayable()) {
                // Known before the call, so a stream counts as in flight while it is relayed.
                BodyFacts.RequestFacts facts = BodyFacts.request(requestPrefix.captured());
                trace.requested(facts.model(), facts.stream());
                described = true;
                stream = facts.stream();
            }
            try (ConcurrencyLimit.Permit streamSlot = stream ? guards.streams().acquire() : null;
                    UpstreamReply reply = send(request, upstreamHeaders(request.headers()), body, trace)) {
                trace.firstByte();
                OutputStream out = responder.start(reply.status(), RESPONSE_HEADERS.strip(reply.headers()));
                TailCapture responseTail = new TailCapture(CAPTURED_BYTES);
                RelayOutcome outcome = copy(reply, out, responseTail);
                byte[] tail = responseTail.bytes();
                observe(reply.status(), outcome, tail, trace);
                if (settings.captureBodies()) {
                    trace.bodies(new String(requestPrefix.captured(), StandardCharsets.UTF_8),
                            new String(tail, StandardCharsets.UTF_8));
                }
                return outcome;
            }
        } finally {
            if (!described) {
                BodyFacts.RequestFacts facts = BodyFacts.request(requestPrefix.captured());
                trace.requested(facts.model(), facts.stream());
            }
        }
    }

    private ReplayableBody readBody(InputStream bounded, long contentLength) {
        try {
            return ReplayableBody.of(bounded, contentLength, guards.maxReplayBytes());
        } catch (BodyTooLargeException e) {
            throw tooLarge();
        } catch (IOException e) {
            throw new GatewayException(ErrorKind.INVALID_REQUEST, "The request body could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * Calls the upstream, again after a connection failure or a retryable status while the body can be replayed and
     * the policy allows; nothing has reached the client yet. The last failure is what the client gets.
     */
    private UpstreamReply send(RelayRequest request, List<Header> headers, ReplayableBody body,
            RequestTrace trace) {
        for (int attempt = 1; ; attempt++) {
            RelayRequest outbound = new RelayRequest(request.method(), request.rawPath(), request.rawQuery(), headers,
                    body.open(), body.length());
            UpstreamReply reply;
            trace.upstreamAttempt();
            try {
                reply = upstream.send(outbound);
            } catch (UpstreamNotReachedException e) {
                Optional<Duration> wait = body.replayable() ? guards.retrier().nextWait(attempt, null) : Optional.empty();
                if (wait.isPresent() && guards.retrier().pause(wait.get())) {
                    continue;
                }
                throw e;
            }
            if (!body.replayable() || !RetryPolicy.retryableStatus(reply.status())) {
                return reply;
            }
            Optional<Duration> wait = guards.retrier().nextWait(attempt, header(reply.headers(), "retry-after"));
            if (wait.isEmpty()) {
                return reply;
            }
            reply.close();
            if (!guards.retrier().pause(wait.get())) {
                throw new GatewayException(ErrorKind.UPSTREAM_UNREACHABLE,
                        "No further attempt after upstream status " + reply.status() + ": the gateway is stopping");
            }
        }
    }

    private static String header(List<Header> headers, String name) {
        for (Header header : headers) {
            if (header.is(name)) {
                return header.value();
            }
        }
        return null;
    }

    private static void observe(int status, RelayOutcome outcome, byte[] tail, RequestTrace trace) {
        trace.usage(BodyFacts.usage(tail));
        switch (outcome) {
            case COMPLETED -> {
                if (status >= 400) {
                    trace.error("upstream_http_" + status, UpstreamErrors.extract(new String(tail, StandardCharsets.UTF_8)));
                } else {
                    String error = BodyFacts.errorInBody(tail);
                    if (error != null) {
                        trace.error("upstream_error", "Upstream answered " + status + " with an error: " + error);
                    }
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
        byte[] buffer = new byte[FIRST_BUFFER_BYTES];
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
            if (n == buffer.length && buffer.length < BUFFER_BYTES) {
                buffer = new byte[BUFFER_BYTES];
            }
        }
    }

    private GatewayException tooLarge() {
        return new GatewayException(ErrorKind.REQUEST_TOO_LARGE,
                "Request body exceeds the limit of " + settings.maxBodyBytes() + " bytes");
    }
}
