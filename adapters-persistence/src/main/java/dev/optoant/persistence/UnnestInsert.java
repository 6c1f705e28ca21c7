package dev.optoant.persistence;

import dev.optoant.domain.log.RequestLogEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Any number of request-log rows as one constant statement, {@code INSERT ... SELECT * FROM unnest(?::uuid[], ...)}
 * with an array per column, which the driver prepares once per connection: the way {@link CopyInsert} stores a batch
 * that meets a stored row ({@code ON CONFLICT (id, started_at) DO NOTHING}), and a batch inside a transaction.
 */
final class UnnestInsert {
    /** A column's array element type and how an entry gives its value. */
    private record Column(String type, Function<RequestLogEntry, Object> value) {
    }

    // In RequestLogRows.COLUMNS order; started_at goes as text so the server parses it as it parses a parameter.
    private static final List<Column> COLUMNS = List.of(
            new Column("uuid", RequestLogEntry::id),
            new Column("timestamptz", e -> TimestamptzText.of(e.startedAt())),
            new Column("text", RequestLogEntry::api),
            new Column("text", RequestLogEntry::method),
            new Column("text", RequestLogEntry::path),
            new Column("text", RequestLogEntry::requestedModel),
            new Column("text", RequestLogEntry::upstreamModel),
            new Column("bool", RequestLogEntry::streaming),
            new Column("int4", RequestLogEntry::status),
            new Column("text", RequestLogEntry::errorType),
            new Column("text", RequestLogEntry::errorMessage),
            new Column("int8", RequestLogEntry::latencyMicros),
            new Column("int8", RequestLogEntry::firstByteMicros),
            new Column("int4", RequestLogEntry::upstreamAttempts), // a smallint column; int4 converts on insert
            new Column("int8", RequestLogEntry::inputTokens),
            new Column("int8", RequestLogEntry::outputTokens),
            new Column("int8", RequestLogEntry::cachedTokens),
            new Column("int8", RequestLogEntry::reasoningTokens),
            new Column("text", RequestLogEntry::clientAddress),
            new Column("text", RequestLogEntry::userAgent),
            new Column("text", RequestLogEntry::apiKeyFingerprint),
            new Column("text", RequestLogEntry::requestBody),
            new Column("text", RequestLogEntry::responseBody));

    static final String PLAIN_SQL = "insert into request_log (" + RequestLogRows.COLUMN_LIST
            + ") select * from unnest(" + COLUMNS.stream().map(c -> "?::" + c.type() + "[]")
            .collect(Collectors.joining(", ")) + ")";
    static final String SKIPPING_SQL = PLAIN_SQL + RequestLogRows.ON_CONFLICT;

    static {
        if (COLUMNS.size() != RequestLogRows.COLUMNS.size()) {
            throw new IllegalStateException("unnest columns out of step with RequestLogRows.COLUMNS");
        }
    }

    private UnnestInsert() {
    }

    /** Inserts the rows with one statement, {@link #PLAIN_SQL} or {@link #SKIPPING_SQL}. */
    static void insert(Connection connection, List<RequestLogEntry> rows, String sql) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            for (int c = 0; c < COLUMNS.size(); c++) {
                st.setArray(c + 1, connection.createArrayOf(COLUMNS.get(c).type(), values(COLUMNS.get(c), rows)));
            }
            st.executeUpdate();
        }
    }

    private static Object[] values(Column column, List<RequestLogEntry> rows) {
        Object[] values = switch (column.type()) {
            case "uuid" -> new UUID[rows.size()];
            case "bool" -> new Boolean[rows.size()];
            case "int4" -> new Integer[rows.size()];
            case "int8" -> new Long[rows.size()];
            default -> new String[rows.size()];
        };
        IntStream.range(0, rows.size()).forEach(r -> values[r] = column.value().apply(rows.get(r)));
        return values;
    }
}
