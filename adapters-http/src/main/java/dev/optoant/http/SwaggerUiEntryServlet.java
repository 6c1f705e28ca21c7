package dev.optoant.http;

import dev.optoant.domain.error.ErrorKind;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The two Swagger UI paths the webjar can't serve as they are: the bare UI path, redirected to its directory so the
 * page's relative links resolve, and {@code swagger-initializer.js}, replaced by one that opens the gateway's own
 * document instead of the Petstore.
 */
public final class SwaggerUiEntryServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String INITIALIZER = "/swagger-initializer.js";

    private final byte[] script;

    /** @param specUrl where the UI loads the document from, e.g. {@code /openapi.json} */
    public SwaggerUiEntryServlet(String specUrl) {
        this.script = ("""
                window.onload = function() {
                  window.ui = SwaggerUIBundle({
                    url: "%s",
                    dom_id: '#swagger-ui',
                    deepLinking: true,
                    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
                    layout: "StandaloneLayout"
                  });
                };
                """.formatted(specUrl.replace("\\", "\\\\").replace("\"", "\\\""))).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            response.setHeader("Allow", "GET, HEAD");
            ErrorResponses.write(response, 405, ErrorFormat.OPENAI, ErrorKind.INVALID_REQUEST,
                    "Method " + method + " is not supported here");
            return;
        }
        if (!request.getRequestURI().endsWith(INITIALIZER)) {
            String query = request.getQueryString();
            response.sendRedirect(request.getRequestURI() + "/" + (query == null ? "" : "?" + query));
            return;
        }
        response.setContentType("text/javascript;charset=utf-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setContentLength(script.length);
        response.getOutputStream().write(script);
    }
}
