package dev.optoant.persistence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * An instant as PostgreSQL timestamptz input, written the way the JDBC driver writes a bound timestamp (UTC, rounded to
 * the microsecond, no trailing zeros, years before 1 as "BC"), so a value in an array parameter is read as it was as a parameter of its own.
 */
final class TimestamptzText {
    private TimestamptzText() {
    }

    static String of(Instant instant) {
        if (instant == null) {
            return null;
        }
        Instant rounded = instant.getNano() % 1_000 > 499 ? instant.plusNanos(1_000) : instant;
        LocalDateTime t = LocalDateTime.ofInstant(rounded, ZoneOffset.UTC);
        int year = t.getYear();
        boolean bc = year <= 0;
        StringBuilder s = new StringBuilder(40);
        pad(s, bc ? 1 - year : year, 4).append('-');
        pad(s, t.getMonthValue(), 2).append('-');
        pad(s, t.getDayOfMonth(), 2).append(' ');
        pad(s, t.getHour(), 2).append(':');
        pad(s, t.getMinute(), 2).append(':');
        pad(s, t.getSecond(), 2);
        int micros = t.getNano() / 1_000;
        if (micros > 0) {
            int digits = 6;
            while (micros % 10 == 0) {
                micros /= 10;
                digits--;
            }
            pad(s.append('.'), micros, digits);
        }
        s.append("+00");
        return bc ? s.append(" BC").toString() : s.toString();
    }

    private static StringBuilder pad(StringBuilder s, int value, int digits) {
        String text = Integer.toString(value);
        for (int i = text.length(); i < digits; i++) {
            s.append('0');
        }
        return s.append(text);
    }
}
