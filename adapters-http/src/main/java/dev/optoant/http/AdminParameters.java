package dev.optoant.http;

import dev.optoant.domain.log.RequestLogFilter;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Function;

/** Reads the admin API's query parameters strictly: anything unparseable is an {@link InvalidParameter}. */
final class AdminParameters {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final Duration DEFAULT_USAGE_RANGE = Duration.ofDays(7);

    private final Function<String, String> values;

    /** @param values the first value of a parameter by name, or null when it is absent */
    AdminParameters(Function<String, String> values) {
        this.values = values;
    }

    /** {@code from, to, api, model, status, errors, before, limit} as a request-log filter. */
    RequestLogFilter filter() {
        Instant from = instant("from");
        Instant to = instant("to");
        requireOrdered(from, to);
        Integer status = null;
        String statusText = text("status");
        if (statusText != null) {
            status = integer("status", statusText, 100, 599);
        }
        String limitText = text("limit");
        int limit = limitText == null ? DEFAULT_LIMIT : integer("limit", limitText, 1, MAX_LIMIT);
        return new RequestLogFilter(from, to, text("api"), text("model"), status, bool("errors"), uuid("before"),
                limit);
    }

    /** {@code [from, to)} of the usage summary; {@code from} defaults to {@link #DEFAULT_USAGE_RANGE} before now. */
    UsageRange usageRange(Instant now) {
        Instant from = instant("from");
        Instant to = instant("to");
        if (from == null) {
            from = (to == null ? now : to).minus(DEFAULT_USAGE_RANGE);
        }
        requireOrdered(from, to);
        return new UsageRange(from, to);
    }

    private String text(String name) {
        String value = values.apply(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** An ISO-8601 instant ({@code 2026-11-26T10:00:00Z}), offset date-time, or date (its UTC midnight). */
    private Instant instant(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidParameter(name, value, "an ISO-8601 time such as 2026-01-31T12:00:00Z or a date");
        }
    }

    private UUID uuid(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            UUID id = UUID.fromString(value);
            if (!id.toString().equalsIgnoreCase(value)) {
                throw new IllegalArgumentException("not canonical");
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter(name, value, "a request id (UUID)");
        }
    }

    private boolean bool(String name) {
        String value = text(name);
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new InvalidParameter(name, value, "true or false");
    }

    private static int integer(String name, String value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below, as an out-of-range value is
        }
        throw new InvalidParameter(name, value, "an integer from " + min + " to " + max);
    }

    private static void requireOrdered(Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidParameter("to", to.toString(), "a time after 'from'");
        }
    }

    /** The usage summary's {@code [from, to)}; a null {@code to} is open. */
    record UsageRange(Instant from, Instant to) {
    }

    /** A query parameter the admin API can't use; its message is safe to show the caller. */
    static final class InvalidParameter extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidParameter(String name, String value, String expected) {
            super("Invalid query parameter '" + name + "': '" + abbreviate(value) + "' is not " + expected);
        }

        private static String abbreviate(String value) {
            return value.length() <= 64 ? value : value.substring(0, 64) + "…";
        }
    }
}
