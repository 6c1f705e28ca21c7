package dev.optoant.persistence;

import dev.optoant.domain.log.RequestLogEntry;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Candidate (a), binary: COPY in PostgreSQL's binary format into the staging table, then INSERT ... SELECT. */
final class CopyBinaryInsert implements BatchMethod {
    private final Jdbi jdbi;

    CopyBinaryInsert(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(List<RequestLogEntry> batch) throws SQLException {
        CopyBinaryRows data = CopyBinaryRows.of(batch);
        jdbi.useHandle(h -> RequestLogStaging.load(h, RequestLogStaging.Format.BINARY, data.bytes(), data.size()));
    }
}
