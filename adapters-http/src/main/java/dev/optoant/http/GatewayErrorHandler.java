package dev.optoant.http;

import dev.optoant.domain.log.RequestLogStore;
import dev.optoant.domain.log.RequestTrace;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Errors the HTTP server produces on its own (unparseable requests, ambiguous URIs, disallowed methods, unknown
 * paths) in the JSON shape of the API the path belongs to, never an HTML page or a stack trace; refusals of API
 * requests that never reached {@link RequestLogFilter} are recorded in the request log here.
 */
public final class GatewayErrorHandler extends ErrorHandler {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayErrorHandler.class);
    private static final HttpField JSON_TYPE = new HttpField(HttpHeader.CONTENT_TYPE, MimeTypes.Type.APPLICATION_JSON.asString());

    // What Jetty puts in place of a request line it could not parse.
    private static final String UNPARSEABLE_METHOD = "BAD";
    private static final String UNPARSEABLE_PATH = "/badMessage";
    private static final String INTERNAL_ERROR = "Internal error";

    private final RequestLogStore store;

    public GatewayErrorHandler(RequestLogStore store) {
        this.store = store;
    }

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) throws IOException {
        String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        ErrorFormat format = ErrorFormat.forPath(path);
        // For a failure that escaped the application, Jetty's message is the exception's own text: not the client's.
        String description = cause != null && code >= 500 ? INTERNAL_ERROR : describe(code, message);
        recordUnlogged(request, path, format, code, description);
        byte[] body = format.body(ErrorFormat.kindOf(code), description);
        response.getHeaders().put(JSON_TYPE);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(JSON_TYPE);
        return ByteBuffer.wrap(ErrorFormat.OPENAI.body(ErrorFormat.kindOf(status), describe(status, reason)));
    }

    /**
     * An unparseable request belongs to no API, but it was answered in OpenAI's shape, so it is logged as such,
     * without the method and path Jetty made up for it.
     */
    private void recordUnlogged(Request request, String path, ErrorFormat format, int code, String description) {
        if (request.getAttribute(RequestLogFilter.ATTRIBUTE) != null) {
            return;
        }
        boolean unparseable = path == null || path.isEmpty()
                || (UNPARSEABLE_METHOD.equals(request.getMethod()) && UNPARSEABLE_PATH.equals(path));
        String api = unparseable ? "openai" : RequestLogFilter.apiOf(path);
        if (api == null) {
            return;
        }
        try {
            HttpFields headers = request.getHeaders();
            RequestTrace trace = new RequestTrace(api, unparseable ? null : request.getMethod(),
                    unparseable ? null : path, Request.getRemoteAddr(request),
                    headers == null ? null : headers.get(HttpHeader.USER_AGENT));
            if (headers != null) {
                trace.credential(Credentials.from(headers.get("x-api-key"), headers.get(HttpHeader.AUTHORIZATION)));
            }
            trace.error(format.type(ErrorFormat.kindOf(code)), description);
            store.record(trace.finish(code));
        } catch (RuntimeException e) {
            LOG.warn("The request log refused an entry: {}", e.toString());
        }
    }

    private static String describe(int code, String message) {
        if (message != null && !message.isBlank()) {
            return message;
        }
        String reason = org.eclipse.jetty.http.HttpStatus.getMessage(code);
        return reason == null ? "HTTP " + code : reason;
    }
}
