package dev.optoant.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link PostgresDsn#parse} of libpq keyword/value strings such as {@code host=h port=5433 dbname=d}. */
class PostgresDsnKeywordFormTest {

    @Test
    void allCommonKeywords() {
        PostgresDsn dsn = PostgresDsn.parse("host=h port=5433 dbname=d user=u password=p sslmode=require");

        assertThat(dsn.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5433/d?sslmode=require");
        assertThat(dsn.user()).contains("u");
        assertThat(dsn.password()).contains("p");
    }

    @Test
    void quotedValuesMayHoldSpacesAndEscapedQuotes() {
        PostgresDsn dsn = PostgresDsn.parse("host=h dbname='my db' user='a user' password='it\\'s a secret'");

        assertThat(dsn.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/my%20db");
        assertThat(dsn.user()).contains("a user");
        assertThat(dsn.password()).contains("it's a secret");
    }

    @Test
    void spacesAroundTheEqualsSignAreAllowed() {
        PostgresDsn dsn = PostgresDsn.parse("host = h   port= 5433 dbname =d");

        assertThat(dsn.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5433/d");
    }

    @Test
    void defaultsAreLocalhostPort5432AndTheUserAsDatabase() {
        PostgresDsn dsn = PostgresDsn.parse("user=alice");

        assertThat(dsn.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/alice");
        assertThat(dsn.password()).isEmpty();
    }

    @Test
    void anEmptyQuotedValueIsEmptyAndDoesNotSwallowTheNextKeyword() {
        PostgresDsn dsn = PostgresDsn.parse("host=h password='' user=u dbname=d");

        assertThat(dsn.password()).contains("");
        assertThat(dsn.user()).contains("u");
        assertThat(dsn.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/d");
    }

    @Test
    void libpqParameterNamesBecomeDriverNames() {
        assertThat(PostgresDsn.parse("host=h dbname=d connect_timeout=5 application_name='optoant gw'").jdbcUrl())
                .isEqualTo("jdbc:postgresql://h:5432/d?connectTimeout=5&ApplicationName=optoant%20gw");
    }

    @Test
    void backslashEscapesWorkInBareValuesAndQuotesInsideABareValueAreLiteral() {
        PostgresDsn dsn = PostgresDsn.parse("user=o'brien password=a\\ b\\\\c dbname=d");

        assertThat(dsn.user()).contains("o'brien");
        assertThat(dsn.password()).contains("a b\\c");
    }
}
