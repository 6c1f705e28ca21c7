package dev.optoant.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzz target for {@link PostgresDsn#parse}, with the invariant of {@link PostgresDsnFuzzTest}: a
 * DSN or the documented {@link IllegalArgumentException}, and the password shown by neither.
 */
class PostgresDsnJazzerTest {
    private static final String PASSWORD = "PwZq7Xk3Vt";

    @FuzzTest(maxDuration = "20s")
    void parsesOrRefusesWithoutShowingThePassword(FuzzedDataProvider data) {
        int placement = data.consumeInt(0, 5);
        String rest = data.consumeRemainingAsString();
        if (rest.contains(PASSWORD)) {
            return; // the password is then also somewhere it need not be hidden
        }
        String dsn = PostgresDsnFuzzTest.withPassword(placement, rest, PASSWORD);
        assertThat(PostgresDsnFuzzTest.problemWith(dsn, PASSWORD)).as(dsn).isNull();
    }
}
