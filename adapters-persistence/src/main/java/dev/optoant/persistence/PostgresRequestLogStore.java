package dev.optoant.persistence;

import dev.optoant.domain.log.RequestLogEntry;
import dev.optoant.domain.log.RequestLogFilter;
import dev.optoant.domain.log.RequestLogReader;
import dev.optoant.domain.log.RequestLogUsageReader;
import dev.optoant.domain.log.UsageSummary;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatements;

/** The request log in PostgreSQL: idempotent batch inserts, the filtered keyset list and the usage summary. */
public final class PostgresRequestLogStore implements RequestLogBatchSink, RequestLogReader, RequestLogUsageReader {
    private final Jdbi jdbi;

    public PostgresRequestLogStore(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /**
     * The whole batch in one {@link CopyInsert}: rows already stored are skipped, and a row the database
     * refuses fails the batch with its SQLSTATE, so the writer can find it by storing the rows one at a time.
     */
    @Override
    public void insertBatch(List<RequestLogEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        jdbi.useHandle(handle -> {
            try {
                CopyInsert.insert(handle.getConnection(), entries);
            } catch (SQLException e) {
                throw new RequestLogStorageException("insert of " + entries.size() + " request-log rows failed", e);
            }
        });
    }

    @Override
    public List<RequestLogEntry> find(RequestLogFilter filter) {
        int limit = RequestLogQuery.limit(filter);
        if (limit == 0) {
            return List.of();
        }
        return jdbi.withHandle(handle -> {
            StringBuilder sql = new StringBuilder("select * from request_log where true");
            if (filter.from() != null) {
                sql.append(" and started_at >= :from");
            }
            if (filter.to() != null) {
                sql.append(" and started_at < :to");
            }
            sql.append(filter.api() == null ? "" : " and api = :api");
            sql.append(filter.model() == null ? "" : " and requested_model = :model");
            sql.append(filter.status() == null ? "" : " and status = :status");
            sql.append(filter.errorsOnly() ? " and (status >= 400 or error_type is not null)" : "");
            Instant cursorTime = filter.before() == null ? null : cursorTime(handle, filter.before());
            if (cursorTime != null) {
                sql.append(" and (started_at, id) < (:cursorTime, :cursorId)");
            }
            sql.append(" order by started_at desc, id desc limit :limit");
            Query query = handle.createQuery(sql.toString())
                    .bind("from", timestamptz(filter.from()))
                    .bind("to", timestamptz(filter.to()))
                    .bind("api", filter.api())
                    .bind("model", filter.model())
                    .bind("status", filter.status())
                    .bind("cursorTime", timestamptz(cursorTime))
                    .bind("cursorId", uuid(filter.before()))
                    .bind("limit", limit)
                    .configure(SqlStatements.class, statements -> statements.setUnusedBindingAllowed(true));
            return query.map((rs, ctx) -> RequestLogRows.read(rs)).list();
        });
    }

    private static Instant cursorTime(Handle handle, UUID before) {
        Optional<Instant> stored = handle.createQuery("select started_at from request_log where id = :id limit 1")
                .bind("id", uuid(before))
                .map((rs, ctx) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .findOne();
        return stored.orElseGet(() -> RequestLogQuery.cursorTimeOfUnknownId(before));
    }

    @Override
    public List<UsageSummary> usage(Instant from, Instant to) {
        String sql = """
                select (started_at at time zone 'UTC')::date as day, requested_model,
                       count(*) as requests,
                       count(*) filter (where status >= 400 or error_type is not null) as errors,
                       coalesce(sum(input_tokens), 0) as input_tokens,
                       coalesce(sum(output_tokens), 0) as output_tokens,
                       percentile_cont(0.5) within group (order by latency_us) as p50,
                       percentile_cont(0.95) within group (order by latency_us) as p95,
                       percentile_cont(0.99) within group (order by latency_us) as p99
                from request_log
                where (cast(:from as timestamptz) is null or started_at >= :from)
                  and (cast(:to as timestamptz) is null or started_at < :to)
                group by 1, 2
                order by 1, 2 nulls last
                """;
        return jdbi.withHandle(handle -> handle.createQuery(sql)
                .bind("from", timestamptz(from))
                .bind("to", timestamptz(to))
                .map((rs, ctx) -> new UsageSummary(rs.getObject("day", LocalDate.class), rs.getString("requested_model"),
                        rs.getLong("requests"), rs.getLong("errors"), rs.getLong("input_tokens"),
                        rs.getLong("output_tokens"), rs.getDouble("p50"), rs.getDouble("p95"), rs.getDouble("p99")))
                .list());
    }

    private static Argument timestamptz(Instant instant) {
        OffsetDateTime value = RequestLogRows.timestamptz(instant);
        return (position, statement, ctx) -> statement.setObject(position, value,
                Types.TIMESTAMP_WITH_TIMEZONE);
    }

    private static Argument uuid(UUID id) {
        return (position, statement, ctx) -> statement.setObject(position, id, Types.OTHER);
    }
}
