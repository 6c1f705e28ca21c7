package dev.optoant.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzz target for {@link PostgresDsn#parse}: a DSN or the documented
 * {@link IllegalArgumentException}, and the password shown by neither. "Shown" is tested by difference: the same
 * string with another password of the same length must give the same {@code toString} or message, so a password that
 * the rest of the string also spells out (after libpq's escapes or percent-decoding) is not mistaken for a leak.
 */
class PostgresDsnJazzerTest {
    private static final String PASSWORD = "PwZq7Xk3Vt";
    private static final String OTHER_PASSWORD = "Qa8Rm2Ln5S";

    @FuzzTest(maxDuration = "20s")
    void parsesOrRefusesWithoutShowingThePassword(FuzzedDataProvider data) {
        int placement = data.consumeInt(0, 5);
        String rest = data.consumeRemainingAsString();
        String dsn = PostgresDsnFuzzTest.withPassword(placement, rest, PASSWORD);
        String other = PostgresDsnFuzzTest.withPassword(placement, rest, OTHER_PASSWORD);
        String outcome = PostgresDsnFuzzTest.outcome(dsn);
        assertThat(outcome).as(dsn).isEqualTo(PostgresDsnFuzzTest.outcome(other)).isNotEqualTo("refused null");
    }
}
