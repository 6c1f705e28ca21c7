package dev.optoant.domain.passthrough;

import java.io.InputStream;
import java.util.List;

/**
 * An HTTP request to relay as it is: method, raw (still encoded) path and query, headers and a streamed body.
 *
 * @param contentLength the body's declared length, or -1 when unknown (chunked)
 */
public record RelayRequest(
        String method, String rawPath, String rawQuery, List<Header> headers, InputStream body, long contentLength) {

    public RelayRequest {
        headers = List.copyOf(headers);
    }

    public RelayRequest withHeadersAndBody(List<Header> newHeaders, InputStream newBody) {
        return new RelayRequest(method, rawPath, rawQuery, newHeaders, newBody, contentLength);
    }
}
