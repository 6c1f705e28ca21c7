package dev.optoant.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random connection strings assembled from the pieces libpq syntax is made of, most with a password in one
 * of its three spellings: {@link PostgresDsn#parse} either returns a DSN or throws its documented
 * {@link IllegalArgumentException}, and neither the result's {@code toString} nor the exception's message ever
 * shows the password.
 */
class PostgresDsnFuzzTest {
    private static final String[] PIECES = {"postgres://", "postgresql://", "jdbc:postgresql://", "host=", "port=",
        "dbname=", "user=", "password=", "sslmode=", "options=", "=", " ", "  ", "'", "\\'", "\\", "\\\\", "@", ":",
        "/", "?", "&", "#", "%", "%2", "%zz", "%40", "%3A", "[", "]", "::1", "[::1]", "localhost", "db", "5432",
        "99999999999", "-1", "u", "\t", "\n", "\u0000", "é", "😀", ",", ";"};

    static LongStream seeds() {
        return LongStream.range(0, 16);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void parsesOrRefusesWithoutShowingThePassword(long seed) {
        Random random = new Random(seed);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 2000 && failures.size() < 5; i++) {
            String password = "Pw" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
            String dsn = withPassword(random, randomDsn(random), password);
            String problem = problemWith(dsn, password);
            if (problem != null) {
                failures.add(problem + " for " + dsn);
            }
        }
        assertThat(failures).as("seed " + seed).isEmpty();
    }

    /**
     * Null when {@code dsn} parses to a DSN whose {@code toString} hides {@code password}, or is refused with an
     * {@link IllegalArgumentException} whose message hides it; otherwise what went wrong.
     */
    static String problemWith(String dsn, String password) {
        try {
            String shown = PostgresDsn.parse(dsn).toString();
            return shown.contains(password) ? "toString " + shown : null;
        } catch (IllegalArgumentException refused) {
            return refused.getMessage() == null || refused.getMessage().contains(password)
                    ? "message " + refused.getMessage() : null;
        } catch (RuntimeException e) {
            return e.toString();
        }
    }

    /**
     * What {@link PostgresDsn#parse} makes of {@code dsn}: its {@code toString}, or the message it was refused
     * with; any exception other than the documented {@link IllegalArgumentException} propagates.
     */
    static String outcome(String dsn) {
        try {
            return "parsed " + PostgresDsn.parse(dsn);
        } catch (IllegalArgumentException refused) {
            return "refused " + refused.getMessage();
        }
    }

    /** The password, placed the way one of libpq's spellings (or a JDBC URL) carries it, or left out. */
    static String withPassword(Random random, String dsn, String password) {
        // The password comes first, so no random piece before it can swallow it as its own value
        // (libpq reads "dbname= password=x" as a database named "password=x").
        return withPassword(random.nextInt(6), dsn, password);
    }

    /** The password in one of the six placements {@link #withPassword(Random, String, String)} chooses from. */
    static String withPassword(int placement, String dsn, String password) {
        return switch (placement) {
            case 0 -> "password=" + password + " " + dsn;
            case 1 -> "password='" + password + "' " + dsn;
            case 2 -> "postgres://u:" + password + "@" + dsn;
            case 3 -> "postgresql://h/db?password=" + password + "&" + dsn;
            case 4 -> "jdbc:postgresql://h/db?password=" + password + "&" + dsn;
            default -> dsn;
        };
    }

    private static String randomDsn(Random random) {
        StringBuilder dsn = new StringBuilder();
        int pieces = 1 + random.nextInt(12);
        for (int i = 0; i < pieces; i++) {
            dsn.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return dsn.toString();
    }
}
