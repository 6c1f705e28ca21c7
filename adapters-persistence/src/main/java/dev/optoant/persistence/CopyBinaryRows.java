package dev.optoant.persistence;

import dev.optoant.domain.log.RequestLogEntry;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
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

    private byte[] bytes;
    private int size;

    private CopyBinaryRows(int capacity) {
        bytes = new byte[capacity];
    }

    /** The whole COPY input for {@code rows}: header, one tuple a row, trailer. */
    static CopyBinaryRows of(List<RequestLogEntry> rows) throws SQLException {
        CopyBinaryRows out = new CopyBinaryRows(64 + rows.size() * 320);
        out.put(SIGNATURE);
        out.putInt(0); // flags: no OIDs
        out.putInt(0); // header extension length
        for (RequestLogEntry e : rows) {
            out.row(e);
        }
        out.putShort(-1);
        return out;
    }

    byte[] bytes() {
        return bytes;
    }

    int size() {
        return size;
    }

    private void row(RequestLogEntry e) throws SQLException {
        putShort(RequestLogRows.COLUMNS.size());
        uuid(e.id());
        timestamptz(e.startedAt());
        text(e.api());
        text(e.method());
        text(e.path());
        text(e.requestedModel());
        text(e.upstreamModel());
        putInt(1);
        put((byte) (e.streaming() ? 1 : 0));
        putInt(4);
        putInt(e.status());
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

    private void uuid(UUID id) {
        if (id == null) {
            putInt(-1);
            return;
        }
        putInt(16);
        putLong(id.getMostSignificantBits());
        putLong(id.getLeastSignificantBits());
    }

    /** Microseconds since 2000-01-01 UTC, rounded half up as the driver rounds a bound timestamp. */
    private void timestamptz(Instant at) throws SQLException {
        if (at == null) {
            putInt(-1);
            return;
        }
        long micros;
        try {
            micros = Math.addExact(Math.multiplyExact(at.getEpochSecond() - POSTGRES_EPOCH_SECONDS, 1_000_000L),
                    (at.getNano() + 500) / 1_000);
        } catch (ArithmeticException e) {
            throw new SQLException("timestamp out of range: " + at, DATETIME_OUT_OF_RANGE);
        }
        putInt(8);
        putLong(micros);
    }

    private void int2(Integer value) throws SQLException {
        if (value == null) {
            putInt(-1);
            return;
        }
        if (value != (short) value.intValue()) {
            throw new SQLException("smallint out of range: " + value, NUMERIC_OUT_OF_RANGE);
        }
        putInt(2);
        putShort(value);
    }

    private void int8(Long value) {
        if (value == null) {
            putInt(-1);
            return;
        }
        putInt(8);
        putLong(value);
    }

    private void text(String value) {
        if (value == null) {
            putInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        putInt(utf8.length);
        put(utf8);
    }

    private void put(byte[] b) {
        room(b.length);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
    }

    private void put(byte b) {
        room(1);
        bytes[size++] = b;
    }

    private void putShort(int v) {
        room(2);
        bytes[size++] = (byte) (v >>> 8);
        bytes[size++] = (byte) v;
    }

    private void putInt(int v) {
        room(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (v >>> shift);
        }
    }

    private void putLong(long v) {
        room(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (v >>> shift);
        }
    }

    private void room(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
