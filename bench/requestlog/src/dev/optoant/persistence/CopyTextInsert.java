package dev.optoant.persistence;

import dev.optoant.domain.log.RequestLogEntry;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Candidate (a), text: COPY in the text format into the staging table, then INSERT ... SELECT. */
final class CopyTextInsert implements BatchMethod {
    private final Jdbi jdbi;

    CopyTextInsert(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(List<RequestLogEntry> batch) throws SQLException {
        jdbi.useHandle(h -> RequestLogStaging.load(h, RequestLogStaging.Format.TEXT,
                RequestLogCopyText.encode(h.getConnection(), batch)));
    }
}
