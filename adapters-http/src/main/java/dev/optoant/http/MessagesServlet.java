package dev.optoant.http;

import dev.optoant.domain.anthropic.MessagesRequest;
import dev.optoant.domain.error.ErrorKind;
import dev.optoant.domain.error.GatewayException;
import dev.optoant.domain.log.RequestTrace;
import dev.optoant.domain.messages.CreateMessageUseCase;
import dev.optoant.domain.messages.MessageStream;
import dev.optoant.domain.passthrough.PrefixCapture;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /anthropic/v1/messages} (any query, e.g. {@code ?beta=true}): a plain servlet, the Anthropic lane's hot
 * path, documented by {@link dev.optoant.http.openapi.MessagesEndpointDocs}. Whether to stream is decided by the
 * body's {@code stream} field, not by {@code Accept}: Claude Code asks for JSON and streams.
 */
public final class MessagesServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(MessagesServlet.class);
    private static final int CAPTURED_BODY_BYTES = 16 * 1024;
    private static final String JSON = "application/json";

    private final transient CreateMessageUseCase messages;
    private final long maxBodyBytes;
    private final boolean captureBodies;

    /** With {@code captureBodies}, the request log keeps the first 16 KiB of each body. */
    public MessagesServlet(CreateMessageUseCase messages, long maxBodyBytes, boolean captureBodies) {
        this.messages = messages;
        this.maxBodyBytes = maxBodyBytes;
        this.captureBodies = captureBodies;
    }

    @Override
    protected void service(HttpServletRequest http, HttpServletResponse response) throws IOException {
        RequestTrace trace = RequestLogFilter.traceOf(http);
        if (!"POST".equals(http.getMethod())) {
            response.setHeader("Allow", "POST");
            fail(response, trace, 405, ErrorKind.INVALID_REQUEST,
                    "Method " + http.getMethod() + " is not supported on " + http.getRequestURI());
            return;
        }
        try {
            create(http, response, trace);
        } catch (GatewayException e) {
            fail(response, trace, ErrorFormat.ANTHROPIC.status(e.kind()), e.kind(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure serving {}", http.getRequestURI(), e);
            fail(response, trace, 500, ErrorKind.INTERNAL, "Internal error");
        }
    }

    private void create(HttpServletRequest http, HttpServletResponse response, RequestTrace trace)
            throws IOException {
        AnthropicJson.requireDeclaredLengthWithin(http.getContentLengthLong(), maxBodyBytes);
        InputStream body = http.getInputStream();
        PrefixCapture requestBody = captureBodies ? new PrefixCapture(body, CAPTURED_BODY_BYTES) : null;
        MessagesRequest request = AnthropicJson.readRequest(http, requestBody == null ? body : requestBody, maxBodyBytes);
        String token = Credentials.from(http.getHeader("x-api-key"), http.getHeader("Authorization"));
        if (!request.streaming()) {
            byte[] answer = AnthropicJson.write(messages.create(request, token, trace));
            if (requestBody != null) {
                trace.bodies(text(requestBody.captured()), text(answer));
            }
            response.setStatus(200);
            response.setContentType(JSON);
            response.setContentLength(answer.length);
            response.getOutputStream().write(answer);
            return;
        }
        // Closing the stream releases the upstream connection and the stream slot, whatever fails from here on.
        try (MessageStream stream = messages.open(request, token, trace)) {
            response.setStatus(200);
            response.setContentType("text/event-stream");
            response.setHeader("Cache-Control", "no-cache");
            response.setHeader("X-Accel-Buffering", "no");
            SseEventSink sink = new SseEventSink(UnbufferedResponseOutput.of(response.getOutputStream()),
                    requestBody == null ? 0 : CAPTURED_BODY_BYTES);
            try {
                stream.relayTo(sink);
            } catch (IOException clientGone) {
                // The upstream call was aborted already; there is nobody left to tell.
            } finally {
                sink.close();
                if (requestBody != null) {
                    trace.bodies(text(requestBody.captured()), sink.captured());
                }
            }
        }
    }

    private static void fail(HttpServletResponse response, RequestTrace trace, int status, ErrorKind kind,
            String message) throws IOException {
        trace.error(ErrorFormat.ANTHROPIC.type(kind), message);
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        ErrorResponses.write(response, status, ErrorFormat.ANTHROPIC, kind, message);
    }

    private static String text(byte[] bytes) {
        int length = Math.min(bytes.length, CAPTURED_BODY_BYTES);
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
