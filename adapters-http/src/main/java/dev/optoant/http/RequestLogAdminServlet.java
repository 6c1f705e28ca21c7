package dev.optoant.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.optoant.domain.error.ErrorKind;
import dev.optoant.domain.log.RequestLogEntry;
import dev.optoant.domain.log.RequestLogFilter;
import dev.optoant.domain.log.RequestLogReader;
import dev.optoant.domain.log.RequestLogUsageReader;
import dev.optoant.domain.log.UsageSummary;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request log's read API, meant for the admin port: {@code GET /requests} lists entries newest first with keyset
 * pagination, {@code GET /requests/usage} summarises usage by day and model. With an admin token configured, every
 * call needs {@code Authorization: Bearer <token>}.
 */
public final class RequestLogAdminServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RequestLogAdminServlet.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private final transient RequestLogReader reader;
    private final transient RequestLogUsageReader usage;
    private final transient Clock clock;
    /** SHA-256 of the admin token, or null when none is configured. */
    private final byte[] tokenDigest;

    /** @param adminToken the token callers must present; null or blank lets every caller of the admin port in */
    public RequestLogAdminServlet(RequestLogReader reader, RequestLogUsageReader usage, String adminToken) {
        this(reader, usage, adminToken, Clock.systemUTC());
    }

    RequestLogAdminServlet(RequestLogReader reader, RequestLogUsageReader usage, String adminToken, Clock clock) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.usage = Objects.requireNonNull(usage, "usage");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokenDigest = adminToken == null || adminToken.isBlank() ? null : sha256(adminToken.strip());
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        if (!authorized(request.getHeader("Authorization"))) {
            response.setHeader("WWW-Authenticate", "Bearer");
            ErrorResponses.write(response, ErrorFormat.OPENAI, ErrorKind.AUTHENTICATION,
                    "The admin API needs 'Authorization: Bearer <admin token>'");
            return;
        }
        if (!request.getMethod().equals("GET")) {
            response.setHeader("Allow", "GET");
            ErrorResponses.write(response, 405, ErrorFormat.OPENAI, ErrorKind.INVALID_REQUEST,
                    "Method " + request.getMethod() + " is not supported here");
            return;
        }
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        AdminParameters parameters = new AdminParameters(request::getParameter);
        try {
            switch (path) {
                case "/" -> list(parameters.filter(), response);
                case "/usage" -> usage(parameters.usageRange(clock.instant()), response);
                default -> ErrorResponses.write(response, ErrorFormat.OPENAI, ErrorKind.NOT_FOUND,
                        "No admin endpoint at " + request.getRequestURI());
            }
        } catch (AdminParameters.InvalidParameter e) {
            ErrorResponses.write(response, ErrorFormat.OPENAI, ErrorKind.INVALID_REQUEST, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Reading the request log failed", e);
            if (!response.isCommitted()) {
                response.reset();
                ErrorResponses.write(response, 503, ErrorFormat.OPENAI, ErrorKind.INTERNAL,
                        "The request log could not be read right now");
            }
        }
    }

    private void list(RequestLogFilter filter, HttpServletResponse response) throws IOException {
        List<RequestLogEntry> page = reader.find(filter);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", page);
        body.put("next", page.size() == filter.limit() && !page.isEmpty() ? page.getLast().id().toString() : null);
        write(response, body);
    }

    private void usage(AdminParameters.UsageRange range, HttpServletResponse response) throws IOException {
        List<UsageSummary> rows = usage.usage(range.from(), range.to());
        write(response, Map.of("data", rows));
    }

    private static void write(HttpServletResponse response, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        response.setStatus(200);
        response.setContentType("application/json");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** Compares digests, so neither the token's content nor its length shows in the comparison's timing. */
    boolean authorized(String authorization) {
        if (tokenDigest == null) {
            return true;
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(tokenDigest, sha256(authorization.substring(7).strip()));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
