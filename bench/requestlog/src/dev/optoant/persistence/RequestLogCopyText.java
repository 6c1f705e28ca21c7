package dev.optoant.persistence;

import dev.optoant.domain.log.RequestLogEntry;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.Encoding;

/** Request-log rows as COPY text input, each value in the text the driver sends for it as a parameter. */
final class RequestLogCopyText {
    private static final String NULL = "\\N";

    private final Encoding encoding;
    private final StringBuilder text = new StringBuilder();

    private RequestLogCopyText(Encoding encoding) {
        this.encoding = encoding;
    }

    /** The rows as one COPY text block (a line each, columns in {@link RequestLogRows#COLUMNS} order). */
    static byte[] encode(Connection connection, List<RequestLogEntry> rows) throws SQLException {
        BaseConnection pg = connection.unwrap(BaseConnection.class);
        RequestLogCopyText copy = new RequestLogCopyText(pg.getEncoding());
        for (RequestLogEntry row : rows) {
            copy.append(row);
        }
        try {
            return copy.encoding.encode(copy.text.toString());
        } catch (IOException e) {
            throw new SQLException("request-log rows could not be encoded for COPY", e);
        }
    }

    private void append(RequestLogEntry e) {
        value(e.id() == null ? null : e.id().toString());
        value(TimestamptzText.of(e.startedAt()));
        value(e.api());
        value(e.method());
        value(e.path());
        value(e.requestedModel());
        value(e.upstreamModel());
        value(e.streaming() ? "t" : "f");
        number(e.status());
        value(e.errorType());
        value(e.errorMessage());
        number(e.latencyMicros());
        number(e.firstByteMicros());
        number(e.upstreamAttempts());
        number(e.inputTokens());
        number(e.outputTokens());
        number(e.cachedTokens());
        number(e.reasoningTokens());
        value(e.clientAddress());
        value(e.userAgent());
        value(e.apiKeyFingerprint());
        value(e.requestBody());
        value(e.responseBody());
        text.setCharAt(text.length() - 1, '\n');
    }

    private void number(Number n) {
        if (n == null) {
            text.append(NULL);
        } else {
            text.append(n.longValue());
        }
        text.append('\t');
    }

    private void value(String s) {
        if (s == null) {
            text.append(NULL).append('\t');
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> text.append(c);
            }
        }
        text.append('\t');
    }
}
