package dev.optoant.http;

import dev.optoant.domain.error.ErrorKind;
import dev.optoant.domain.error.GatewayException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every exception a resource lets out becomes an error body in the shape of the API the path belongs to. */
@Provider
public final class ApiExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionMapper.class);

    @Context
    private UriInfo uri;

    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(Throwable failure) {
        ErrorFormat format = ErrorFormat.forPath(uri == null ? null : uri.getRequestUri().getRawPath());
        return switch (failure) {
            case GatewayException e -> error(format, format.status(e.kind()), e.kind(), e.getMessage());
            case WebApplicationException e -> {
                int status = e.getResponse().getStatus();
                yield error(format, status, ErrorFormat.kindOf(status), e.getMessage());
            }
            default -> {
                LOG.error("Unexpected failure serving {}", uri == null ? "?" : uri.getRequestUri().getRawPath(), failure);
                yield error(format, 500, ErrorKind.INTERNAL, "Internal error");
            }
        };
    }

    private Response error(ErrorFormat format, int status, ErrorKind kind, String message) {
        RequestLogFilter.traceOf(request).error(format.type(kind), message);
        return Response.status(status).type(format.contentType()).entity(format.body(kind, message)).build();
    }
}
