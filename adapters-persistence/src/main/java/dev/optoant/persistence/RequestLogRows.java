package dev.optoant.persistence;

import dev.optoant.domain.log.RequestLogEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** The {@code request_log} row: its columns in entry order, and reading one back. */
final class RequestLogRows {
    static final List<String> COLUMNS = List.of("id", "started_at", "api", "method", "path", "requested_model",
            "upstream_model", "streaming", "status", "error_type", "error_message", "latency_us", "first_byte_us",
            "upstream_attempts", "input_tokens", "output_tokens", "cached_tokens", "reasoning_tokens", "client_address", "user_agent",
            "api_key_fingerprint", "request_body", "response_body");
    static final String COLUMN_LIST = String.join(", ", COLUMNS);
    static final String ON_CONFLICT = " on conflict (id, started_at) do nothing";

    private RequestLogRows() {
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
}
