package dev.optoant.http;

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

/**
 * Errors the HTTP server produces on its own (unparseable requests, ambiguous URIs, disallowed methods, unknown
 * paths) in the JSON shape of the API the path belongs to, never an HTML page or a stack trace.
 */
public final class GatewayErrorHandler extends ErrorHandler {
    private static final HttpField JSON_TYPE = new HttpField(HttpHeader.CONTENT_TYPE, MimeTypes.Type.APPLICATION_JSON.asString());

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) throws IOException {
        ErrorFormat format = ErrorFormat.forPath(request.getHttpURI().getPath());
        byte[] body = format.body(ErrorFormat.kindOf(code), describe(code, message));
        response.getHeaders().put(JSON_TYPE);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(JSON_TYPE);
        return ByteBuffer.wrap(ErrorFormat.OPENAI.body(ErrorFormat.kindOf(status), describe(status, reason)));
    }

    private static String describe(int code, String message) {
        if (message != null && !message.isBlank()) {
            return message;
        }
        String reason = org.eclipse.jetty.http.HttpStatus.getMessage(code);
        return reason == null ? "HTTP " + code : reason;
    }
}
