package dev.optoant.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link PostgresDsn}: bad input is refused, and neither error messages nor {@code toString()} reveal the password. */
class PostgresDsnSecretsTest {
    private static final String SECRET = "Sup3rS3cret";

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n\t"})
    void emptyIsRefused(String dsn) {
        assertThatThrownBy(() -> PostgresDsn.parse(dsn))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("is empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Sup3rS3cret",
        "postgres://u:Sup3rS3cret word@h/d",
        "postgres://u:Sup3rS3cret@/d",
        "postgres://u:Sup3rS3cret@h1:5432,h2:5432/d",
        "mysql://u:Sup3rS3cret@h/d",
        "mysql://u:Sup3rS3cret@h/d?ssl=true",
        "host=h port=abc password=Sup3rS3cret",
        "host=h password='Sup3rS3cret",
        "host=h password=Sup3rS3cret dbname",
        "host=h =Sup3rS3cret",
        "host=h Sup3rS3cret=x",
    })
    void garbageIsRefusedWithoutNamingThePassword(String dsn) {
        assertThatThrownBy(() -> PostgresDsn.parse(dsn))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(SECRET);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "postgres://u:Sup3rS3cret@h/d",
        "postgres://h/d?password=Sup3rS3cret",
        "host=h user=u password=Sup3rS3cret",
        "jdbc:postgresql://h/d?user=u&password=Sup3rS3cret&sslmode=require",
        "jdbc:postgresql://h/d?PASSWORD=Sup3rS3cret",
    })
    void toStringNeverShowsThePassword(String dsn) {
        PostgresDsn parsed = PostgresDsn.parse(dsn);

        assertThat(parsed.toString()).doesNotContain(SECRET).contains("h");
    }

    @Test
    void toStringShowsThatAPasswordIsSet() {
        assertThat(PostgresDsn.parse("postgres://u:Sup3rS3cret@h/d").toString())
                .isEqualTo("PostgresDsn[jdbc:postgresql://h:5432/d, user=u, password=***]");
    }
}
