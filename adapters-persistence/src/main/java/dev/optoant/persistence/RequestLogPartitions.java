package dev.optoant.persistence;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Keeps {@code request_log}'s daily partitions (UTC days): creates today's and the next days' ahead of time, gives
 * rows that landed in the default partition a daily partition of their own, and drops whole days past retention.
 * Idempotent; run it at start-up and then regularly (hourly is cheap and rides out a missed day).
 */
public final class RequestLogPartitions {
    public static final int DEFAULT_DAYS_AHEAD = 7;
    private static final Pattern NAME = Pattern.compile("request_log_p(\\d{8})");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final Jdbi jdbi;
    private final Clock clock;
    private final int daysAhead;
    private final int retentionDays;

    /**
     * @param daysAhead partitions exist for today and this many days after it
     * @param retentionDays partitions for days before today minus this are dropped; 0 keeps every day
     */
    public RequestLogPartitions(Jdbi jdbi, Clock clock, int daysAhead, int retentionDays) {
        if (daysAhead < 0 || retentionDays < 0) {
            throw new IllegalArgumentException("daysAhead and retentionDays must not be negative");
        }
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.daysAhead = daysAhead;
        this.retentionDays = retentionDays;
    }

    /** Today is the UTC day; retention from the settings; a week ahead. */
    public RequestLogPartitions(Jdbi jdbi, RequestLogSettings settings) {
        this(jdbi, Clock.systemUTC(), DEFAULT_DAYS_AHEAD, settings.retentionDays());
    }

    /** What one {@link #maintain()} changed. */
    public record Maintenance(List<LocalDate> created, List<LocalDate> dropped) {
    }

    /** Creates missing partitions, then drops expired ones. */
    public Maintenance maintain() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Optional<LocalDate> oldestKept = retentionDays == 0 ? Optional.empty()
                : Optional.of(today.minusDays(retentionDays));
        return jdbi.withHandle(handle -> {
            Set<LocalDate> existing = existingDays(handle);
            Set<LocalDate> wanted = new TreeSet<>(daysInDefault(handle, oldestKept));
            for (int i = 0; i <= daysAhead; i++) {
                wanted.add(today.plusDays(i));
            }
            List<LocalDate> created = new ArrayList<>();
            for (LocalDate day : wanted) {
                if (!existing.contains(day)) {
                    create(handle, day);
                    created.add(day);
                }
            }
            List<LocalDate> dropped = new ArrayList<>();
            for (LocalDate day : existing) {
                if (oldestKept.isPresent() && day.isBefore(oldestKept.get())) {
                    handle.execute("drop table if exists " + tableName(day));
                    dropped.add(day);
                }
            }
            return new Maintenance(created, dropped);
        });
    }

    /** Days that have a daily partition, oldest first. */
    public Set<LocalDate> partitionDays() {
        return jdbi.withHandle(RequestLogPartitions::existingDays);
    }

    static String tableName(LocalDate day) {
        return "request_log_p" + DAY.format(day);
    }

    private static Set<LocalDate> existingDays(Handle handle) {
        List<String> names = handle.createQuery("""
                        select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                        where i.inhparent = 'request_log'::regclass""")
                .mapTo(String.class)
                .list();
        Set<LocalDate> days = new TreeSet<>();
        for (String name : names) {
            Matcher m = NAME.matcher(name);
            if (m.matches()) {
                days.add(LocalDate.parse(m.group(1), DAY));
            }
        }
        return days;
    }

    // Rows older than retention stay in the default partition: maintenance never deletes a row there.
    private static List<LocalDate> daysInDefault(Handle handle, Optional<LocalDate> oldestKept) {
        return handle.createQuery("""
                        select distinct (started_at at time zone 'UTC')::date from request_log_default
                        where cast(:since as date) is null or started_at >= cast(:since as date)::timestamp at time zone 'UTC'""")
                .bind("since", oldestKept.orElse(null))
                .mapTo(LocalDate.class)
                .list();
    }

    // Creating a partition whose range has rows in the default partition fails, so the rows move with it: build the
    // table, move the day's rows from the default partition into it, attach it (which adds the indexes), in one
    // transaction holding the default partition so no row lands there meanwhile.
    private static void create(Handle handle, LocalDate day) {
        String table = tableName(day);
        String from = "'" + day + " 00:00:00+00'";
        String to = "'" + day.plusDays(1) + " 00:00:00+00'";
        handle.useTransaction(tx -> {
            tx.execute("set local lock_timeout = '10s'");
            tx.execute("lock table request_log_default in access exclusive mode");
            tx.execute("create table " + table + " (like request_log including defaults including constraints)");
            tx.execute("with moved as (delete from request_log_default where started_at >= " + from
                    + " and started_at < " + to + " returning *) insert into " + table + " select * from moved");
            tx.execute("alter table request_log attach partition " + table + " for values from (" + from + ") to ("
                    + to + ")");
        });
    }
}
