package dev.optoant.persistence;

import dev.optoant.domain.log.RequestLogEntry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** The {@code request_log} row: its columns in entry order, binding an entry to them and reading one back. */
final class RequestLogRows {
    static final List<String> COLUMNS = List.of("id", "started_at", "api", "method", "path", "requested_model",
            "upstream_model", "streaming", "status", "error_type", "error_message", "latency_us", "first_byte_us",
            "upstream_attempts", "input_tokens", "output_tokens", "cached_tokens", "reasoning_tokens", "client_address", "user_agent",
            "api_key_fingerprint", "request_body", "response_body");
    static final String COLUMN_LIST = String.join(", ", COLUMNS);
    static final String ON_CONFLICT = " on conflict (id, started_at) do nothing";

    private RequestLogRows() {
    }

    /** Binds the entry's 23 fields to parameters {@code first} .. {@code first + 22}; returns the next free index. */
    static int bind(PreparedStatement st, int first, RequestLogEntry e) throws SQLException {
        int i = first;
        setObject(st, i++, e.id(), Types.OTHER);
        setObject(st, i++, timestamptz(e.startedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
        st.setString(i++, e.api());
        st.setString(i++, e.method());
        st.setString(i++, e.path());
        st.setString(i++, e.requestedModel());
        st.setString(i++, e.upstreamModel());
        st.setBoolean(i++, e.streaming());
        st.setInt(i++, e.status());
        st.setString(i++, e.errorType());
        st.setString(i++, e.errorMessage());
        st.setLong(i++, e.latencyMicros());
        setObject(st, i++, e.firstByteMicros(), Types.BIGINT);
        setObject(st, i++, e.upstreamAttempts(), Types.SMALLINT);
        setObject(st, i++, e.inputTokens(), Types.BIGINT);
        setObject(st, i++, e.outputTokens(), Types.BIGINT);
        setObject(st, i++, e.cachedTokens(), Types.BIGINT);
        setObject(st, i++, e.reasoningTokens(), Types.BIGINT);
        st.setString(i++, e.clientAddress());
        st.setString(i++, e.userAgent());
        st.setString(i++, e.apiKeyFingerprint());
        st.setString(i++, e.requestBody());
        st.setString(i++, e.responseBody());
        return i;
    }

    static RequestLogEntry read(ResultSet rs) throws SQLException {
        return new RequestLogEntry(
                rs.getObject("id", UUID.class),
                rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                rs.getString("api"),
                rs.getString("method"),
                rs.getString("path"),
                rs.getString("requested_model"),
                rs.getString("upstream_model"),
                rs.getBoolean("streaming"),
                rs.getInt("status"),
                rs.getString("error_type"),
                rs.getString("error_message"),
                rs.getLong("latency_us"),
                rs.getObject("first_byte_us", Long.class),
                rs.getObject("upstream_attempts", Integer.class),
                rs.getObject("input_tokens", Long.class),
                rs.getObject("output_tokens", Long.class),
                rs.getObject("cached_tokens", Long.class),
                rs.getObject("reasoning_tokens", Long.class),
                rs.getString("client_address"),
                rs.getString("user_agent"),
                rs.getString("api_key_fingerprint"),
                rs.getString("request_body"),
                rs.getString("response_body"));
    }

    static OffsetDateTime timestamptz(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static void setObject(PreparedStatement st, int index, Object value, int sqlType) throws SQLException {
        if (value == null) {
            st.setNull(index, sqlType);
        } else {
            st.setObject(index, value);
        }
    }
}
