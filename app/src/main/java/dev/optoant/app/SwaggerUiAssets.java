package dev.optoant.app;

import dev.optoant.http.ErrorFormat;
import io.dropwizard.servlets.assets.AssetServlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Swagger UI's files from the webjar. A missing file or a wrong method gets the gateway's JSON error (OpenAI's
 * shape, as on every path outside {@code /anthropic}) instead of the empty body {@link AssetServlet} leaves.
 */
final class SwaggerUiAssets extends AssetServlet {
    private static final long serialVersionUID = 1L;

    SwaggerUiAssets(String webjarDirectory, String uriPath) {
        super(webjarDirectory, uriPath, "index.html", StandardCharsets.UTF_8);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        // AssetServlet answers a missing file with a bare setStatus(404); HttpServlet a wrong method with sendError.
        super.service(request, new HttpServletResponseWrapper(response) {
            @Override
            public void sendError(int status) throws IOException {
                sendError(status, null);
            }

            @Override
            public void sendError(int status, String message) throws IOException {
                if (status < 400) {
                    super.sendError(status, message);
                } else {
                    setStatus(status);
                }
            }
        });
        int status = response.getStatus();
        if (status >= 400 && !response.isCommitted()) {
            String message = status == 404 ? "No such file: " + request.getRequestURI()
                    : status == 405 ? "Method " + request.getMethod() + " is not supported here" : "HTTP " + status;
            byte[] body = ErrorFormat.OPENAI.body(ErrorFormat.kindOf(status), message);
            response.resetBuffer();
            response.setContentType(ErrorFormat.OPENAI.contentType());
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}
