package dev.optoant.persistence;

import dev.optoant.domain.log.RequestLogEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/** Candidate (c), the store's way until 2026-11-27: one {@code INSERT ... VALUES (..), (..)} of 23 parameters a row (22 before upstream_attempts). */
final class MultiRowInsert implements BatchMethod {
    private static final String ROW = "(" + "?, ".repeat(RequestLogRows.COLUMNS.size() - 1) + "?)";
    private final Connection connection;

    MultiRowInsert(Connection connection) {
        this.connection = connection;
    }

    @Override
    public void insert(List<RequestLogEntry> batch) throws SQLException {
        StringBuilder sql = new StringBuilder("insert into request_log (" + RequestLogRows.COLUMN_LIST + ") values ");
        for (int i = 0; i < batch.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(ROW);
        }
        sql.append(RequestLogRows.ON_CONFLICT);
        try (PreparedStatement st = connection.prepareStatement(sql.toString())) {
            int index = 1;
            for (RequestLogEntry row : batch) {
                index = bind(st, index, row);
            }
            st.executeUpdate();
        }
    }

    /** Binds the entry's 23 fields to parameters {@code first} .. {@code first + 22}; returns the next free index. */
    private static int bind(PreparedStatement st, int first, RequestLogEntry e) throws SQLException {
        int i = first;
        setObject(st, i++, e.id(), Types.OTHER);
        setObject(st, i++, RequestLogRows.timestamptz(e.startedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
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

    private static void setObject(PreparedStatement st, int index, Object value, int sqlType) throws SQLException {
        if (value == null) {
            st.setNull(index, sqlType);
        } else {
            st.setObject(index, value);
        }
    }
}
