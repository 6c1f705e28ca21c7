package dev.optoant.persistence;

import dev.optoant.domain.log.RequestLogEntry;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Request-log rows as {@code COPY ... FROM STDIN (FORMAT binary)} input, in {@link RequestLogRows#COLUMNS} order. A
 * value the column's type can't hold is refused here with the SQLSTATE PostgreSQL gives it, so the writer treats the
 * row as it treats a row the server refuses.
 */
final class CopyBinaryRows {
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final long POSTGRES_EPOCH_SECONDS = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();
    private static final String NUMERIC_OUT_OF_RANGE = "22003";
    private static final String DATETIME_OUT_OF_RANGE = "22008";

    private final Buffer buffer;
    private final DataOutputStream out;

    private CopyBinaryRows(int capacity) {
        buffer = new Buffer(capacity);
        out = new DataOutputStream(buffer);
    }

    /** The whole COPY input for {@code rows}: header, one tuple a row, trailer. */
    static CopyBinaryRows of(List<RequestLogEntry> rows) throws SQLException {
        CopyBinaryRows rowsOut = new CopyBinaryRows(64 + rows.size() * 320);
        try {
            DataOutputStream out = rowsOut.out;
            out.write(SIGNATURE);
            out.writeInt(0); // flags: no OIDs
            out.writeInt(0); // header extension length
            for (RequestLogEntry e : rows) {
                rowsOut.row(e);
            }
            out.writeShort(-1);
        } catch (IOException e) {
            throw new UncheckedIOException("an in-memory stream failed", e);
        }
        return rowsOut;
    }

    byte[] bytes() {
        return buffer.array();
    }

    int size() {
        return buffer.size();
    }

    private void row(RequestLogEntry e) throws IOException, SQLException {
        out.writeShort(RequestLogRows.COLUMNS.size());
        uuid(e.id());
        timestamptz(e.startedAt());
        text(e.api());
        text(e.method());
        text(e.path());
        text(e.requestedModel());
        text(e.upstreamModel());
        out.writeInt(1);
        out.writeBoolean(e.streaming());
        out.writeInt(4);
        out.writeInt(e.status());
        text(e.errorType());
        text(e.errorMessage());
        int8(e.latencyMicros());
        int8(e.firstByteMicros());
        int2(e.upstreamAttempts());
        int8(e.inputTokens());
        int8(e.outputTokens());
        int8(e.cachedTokens());
        int8(e.reasoningTokens());
        text(e.clientAddress());
        text(e.userAgent());
        text(e.apiKeyFingerprint());
        text(e.requestBody());
        text(e.responseBody());
    }

    private void uuid(UUID id) throws IOException {
        if (id == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(16);
        out.writeLong(id.getMostSignificantBits());
        out.writeLong(id.getLeastSignificantBits());
    }

    /** Microseconds since 2000-01-01 UTC, rounded half up as the driver rounds a bound timestamp. */
    private void timestamptz(Instant at) throws IOException, SQLException {
        if (at == null) {
            out.writeInt(-1);
            return;
        }
        long micros;
        try {
            micros = Math.addExact(Math.multiplyExact(at.getEpochSecond() - POSTGRES_EPOCH_SECONDS, 1_000_000L),
                    (at.getNano() + 500) / 1_000);
        } catch (ArithmeticException e) {
            throw new SQLException("timestamp out of range: " + at, DATETIME_OUT_OF_RANGE);
        }
        out.writeInt(8);
        out.writeLong(micros);
    }

    private void int2(Integer value) throws IOException, SQLException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        if (value != (short) value.intValue()) {
            throw new SQLException("smallint out of range: " + value, NUMERIC_OUT_OF_RANGE);
        }
        out.writeInt(2);
        out.writeShort(value);
    }

    private void int8(Long value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(8);
        out.writeLong(value);
    }

    private void text(String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    /** A byte array stream whose array the COPY reads in place. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer(int capacity) {
            super(capacity);
        }

        byte[] array() {
            return buf;
        }
    }
}
