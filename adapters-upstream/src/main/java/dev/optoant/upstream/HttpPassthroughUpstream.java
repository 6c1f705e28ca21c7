package dev.optoant.upstream;

import dev.optoant.domain.error.ErrorKind;
import dev.optoant.domain.error.GatewayException;
import dev.optoant.domain.passthrough.Header;
import dev.optoant.domain.passthrough.RelayRequest;
import dev.optoant.domain.port.PassthroughUpstream;
import dev.optoant.domain.port.UpstreamReply;
import java.io.IOException;
import java.net.URI;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;

/** {@link PassthroughUpstream} over Apache HttpClient 5: streams the request body out and the reply body back. */
public final class HttpPassthroughUpstream implements PassthroughUpstream {
    private final CloseableHttpClient client;
    private final UpstreamUrl url;

    public HttpPassthroughUpstream(CloseableHttpClient client, URI baseUrl) {
        this.client = client;
        this.url = new UpstreamUrl(baseUrl);
    }

    @Override
    public UpstreamReply send(RelayRequest request) {
        HttpUriRequestBase outbound;
        try {
            outbound = new HttpUriRequestBase(request.method(), URI.create(url.resolve(request.rawPath(), request.rawQuery())));
        } catch (IllegalArgumentException e) {
            throw new GatewayException(ErrorKind.INVALID_REQUEST, "Invalid request target: " + e.getMessage(), e);
        }
        for (Header header : request.headers()) {
            outbound.addHeader(header.name(), header.value());
        }
        if (request.contentLength() != 0) {
            outbound.setEntity(new RequestBodyEntity(request.body(), request.contentLength()));
        }
        try {
            ClassicHttpResponse response = client.executeOpen(null, outbound, null);
            return new HttpUpstreamReply(outbound, response);
        } catch (IllegalStateException e) {
            throw UpstreamFailures.poolClosed(e);
        } catch (IOException e) {
            outbound.cancel();
            throw UpstreamFailures.translate(e, url.origin());
        }
    }
}
