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
import org.jdbi.v3.core.Jdbi;

/** Candidate (a), binary: COPY in PostgreSQL's binary format into the staging table, then INSERT ... SELECT. */
final class CopyBinaryInsert implements BatchMethod {
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0,
        0, 0, 0, 0};
    private static final long POSTGRES_EPOCH_SECONDS = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();
    private final Jdbi jdbi;

    CopyBinaryInsert(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(List<RequestLogEntry> batch) throws SQLException {
        byte[] data = encode(batch);
        jdbi.useHandle(h -> RequestLogStaging.load(h, RequestLogStaging.Format.BINARY, data));
    }

    private static byte[] encode(List<RequestLogEntry> batch) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(batch.size() * 256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(HEADER);
            for (RequestLogEntry e : batch) {
                out.writeShort(23);
                uuid(out, e.id());
                out.writeInt(8);
                Instant at = e.startedAt();
                out.writeLong((at.getEpochSecond() - POSTGRES_EPOCH_SECONDS) * 1_000_000L + at.getNano() / 1_000);
                text(out, e.api());
                text(out, e.method());
                text(out, e.path());
                text(out, e.requestedModel());
                text(out, e.upstreamModel());
                out.writeInt(1);
                out.writeBoolean(e.streaming());
                out.writeInt(4);
                out.writeInt(e.status());
                text(out, e.errorType());
                text(out, e.errorMessage());
                int8(out, e.latencyMicros());
                int8(out, e.firstByteMicros());
                int2(out, e.upstreamAttempts());
                int8(out, e.inputTokens());
                int8(out, e.outputTokens());
                int8(out, e.cachedTokens());
                int8(out, e.reasoningTokens());
                text(out, e.clientAddress());
                text(out, e.userAgent());
                text(out, e.apiKeyFingerprint());
                text(out, e.requestBody());
                text(out, e.responseBody());
            }
            out.writeShort(-1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void uuid(DataOutputStream out, UUID id) throws IOException {
        out.writeInt(16);
        out.writeLong(id.getMostSignificantBits());
        out.writeLong(id.getLeastSignificantBits());
    }

    private static void int8(DataOutputStream out, Long value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(8);
            out.writeLong(value);
        }
    }

    private static void int2(DataOutputStream out, Integer value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(2);
            out.writeShort(value);
        }
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
        } else {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            out.writeInt(utf8.length);
            out.write(utf8);
        }
    }
}
