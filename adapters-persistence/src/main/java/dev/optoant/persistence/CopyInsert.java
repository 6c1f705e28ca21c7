package dev.optoant.persistence;

import dev.optoant.domain.log.RequestLogEntry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.core.BaseConnection;
import org.postgresql.copy.CopyIn;

/**
 * Request-log rows into {@code request_log} with one binary {@code COPY}; a batch that meets a row already stored goes
 * again as an {@link UnnestInsert} that skips stored rows.
 */
final class CopyInsert {
    static final String SQL = "copy request_log (" + RequestLogRows.COLUMN_LIST + ") from stdin (format binary)";
    private static final String UNIQUE_VIOLATION = "23505";

    private CopyInsert() {
    }

    /**
     * Inserts the rows; rows already stored are skipped. COPY stores a batch with PostgreSQL's multi-row heap inserts
     * and cost it about a third less CPU a row than the unnest statement (docs/decisions.md), but it has no conflict
     * clause; a stored row is rare (a batch retried after its commit was lost, a journal replayed), so a COPY that
     * meets one stores nothing and the batch goes again with the clause. Inside a transaction the failed COPY would
     * abort it, so there the clause is used at once.
     */
    static void insert(Connection connection, List<RequestLogEntry> rows) throws SQLException {
        if (!connection.getAutoCommit()) {
            UnnestInsert.insert(connection, rows, UnnestInsert.SKIPPING_SQL);
            return;
        }
        CopyBinaryRows data = CopyBinaryRows.of(rows);
        try {
            copy(connection, data);
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            UnnestInsert.insert(connection, rows, UnnestInsert.SKIPPING_SQL);
        }
    }

    private static void copy(Connection connection, CopyBinaryRows data) throws SQLException {
        try {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(SQL);
            try {
                copy.writeToCopy(data.bytes(), 0, data.size());
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (SQLException e) {
            if (!DatabaseErrors.isDataError(e)) {
                // Unlike a statement, a COPY that loses its connection leaves the driver's connection open, and a pool
                // that validated it moments before would lend it again; closed, it is replaced.
                connection.unwrap(BaseConnection.class).abort(Runnable::run);
            }
            throw e;
        }
    }
}
