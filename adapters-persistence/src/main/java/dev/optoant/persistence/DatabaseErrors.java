package dev.optoant.persistence;

import java.sql.SQLException;

/** Tells a row the database will never take from a database that can't take anything right now. */
final class DatabaseErrors {
    private DatabaseErrors() {
    }

    /**
     * SQLSTATE classes 22 (data exception), 23 (integrity constraint) and 54 (program limit, e.g. an index row too
     * large): retrying the same row fails the same way. Anything else (connection refused, shutdown, missing table,
     * timeout) may pass later.
     */
    static boolean isDataError(Throwable error) {
        SQLException sql = sqlException(error);
        String state = sql == null ? null : sql.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23") || state.startsWith("54"));
    }

    /** The SQL error with its SQLSTATE when there is one (it names the cause), else the exception's own message. */
    static String describe(Throwable error) {
        SQLException sql = sqlException(error);
        if (sql == null) {
            return error.getClass().getSimpleName() + ": " + error.getMessage();
        }
        return sql.getClass().getSimpleName() + " [" + sql.getSQLState() + "]: " + sql.getMessage();
    }

    private static SQLException sqlException(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
