package dev.optoant.persistence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;

/**
 * Candidate (a): rows into {@code request_log} through the session's TEMP staging table: COPY into it, then one
 * constant {@code INSERT ... SELECT ... ON CONFLICT (id, started_at) DO NOTHING}, in one transaction whose commit
 * empties it.
 */
final class RequestLogStaging {
    static final String TABLE = "request_log_staging";
    // LIKE copies the columns and their NOT NULLs, so a row the table would refuse is refused here, with the same error.
    private static final String CREATE = "create temp table if not exists " + TABLE
            + " (like request_log) on commit delete rows";
    private static final String MOVE = "insert into request_log (" + RequestLogRows.COLUMN_LIST + ") select "
            + RequestLogRows.COLUMN_LIST + " from " + TABLE + RequestLogRows.ON_CONFLICT;

    /** How the COPY data is written. */
    enum Format {
        TEXT(""), BINARY(" (format binary)");

        private final String option;

        Format(String option) {
            this.option = option;
        }
    }

    private RequestLogStaging() {
    }

    /** Loads {@code data}, COPY input in {@code format} for {@link RequestLogRows#COLUMNS}, into the request log. */
    static void load(Handle handle, Format format, byte[] data) throws SQLException {
        load(handle, format, data, data.length);
    }

    /** Loads the first {@code length} bytes of {@code data}. */
    static void load(Handle handle, Format format, byte[] data, int length) throws SQLException {
        String copy = "copy " + TABLE + " (" + RequestLogRows.COLUMN_LIST + ") from stdin" + format.option;
        handle.useTransaction(tx -> {
            tx.execute(CREATE);
            try {
                tx.getConnection().unwrap(PGConnection.class).getCopyAPI()
                        .copyIn(copy, new ByteArrayInputStream(data, 0, length), Math.max(1, length));
            } catch (IOException e) {
                throw new SQLException("COPY input could not be read", e);
            }
            tx.execute(MOVE);
        });
    }
}
