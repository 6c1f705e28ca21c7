package dev.optoant.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link PostgresDsn#parse} of libpq URLs ({@code postgres://} and {@code postgresql://}) and {@code jdbc:} passthrough. */
class PostgresDsnUrlFormTest {

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "postgresql"})
    void fullUrl(String scheme) {
        PostgresDsn dsn = PostgresDsn.parse(scheme + "://alice:pw@db.example:6543/orders?sslmode=disable");

        assertThat(dsn.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/orders?sslmode=disable");
        assertThat(dsn.user()).contains("alice");
        assertThat(dsn.password()).contains("pw");
    }

    @Test
    void defaultPortAndNoCredentials() {
        PostgresDsn dsn = PostgresDsn.parse("postgres://db.example/orders");

        assertThat(dsn.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5432/orders");
        assertThat(dsn.user()).isEmpty();
        assertThat(dsn.password()).isEmpty();
    }

    @Test
    void userWithoutPassword() {
        PostgresDsn dsn = PostgresDsn.parse("postgres://alice@db.example/orders");

        assertThat(dsn.user()).contains("alice");
        assertThat(dsn.password()).isEmpty();
    }

    @Test
    void percentEncodedCredentialsAreDecoded() {
        PostgresDsn dsn = PostgresDsn.parse("postgres://al%40ice:p%40ss%2Fw%3Ard%25+x@db.example/orders");

        assertThat(dsn.user()).contains("al@ice");
        assertThat(dsn.password()).contains("p@ss/w:rd%+x");
    }

    @Test
    void bracketedIpv6Host() {
        assertThat(PostgresDsn.parse("postgres://u:p@[::1]:5433/orders").jdbcUrl())
                .isEqualTo("jdbc:postgresql://[::1]:5433/orders");
        assertThat(PostgresDsn.parse("postgres://[2001:db8::1]/orders").jdbcUrl())
                .isEqualTo("jdbc:postgresql://[2001:db8::1]:5432/orders");
    }

    @Test
    void userAndPasswordInTheQueryAreTakenOutOfTheJdbcUrl() {
        PostgresDsn dsn = PostgresDsn.parse("postgres://db.example/orders?user=bob&password=s%26cret&sslmode=require");

        assertThat(dsn.user()).contains("bob");
        assertThat(dsn.password()).contains("s&cret");
        assertThat(dsn.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5432/orders?sslmode=require");
    }

    @Test
    void libpqParameterNamesBecomeDriverNames() {
        PostgresDsn dsn = PostgresDsn.parse(
                "postgres://h/d?connect_timeout=10&application_name=my%20app&sslmode=verify-full");

        assertThat(dsn.jdbcUrl()).isEqualTo(
                "jdbc:postgresql://h:5432/d?connectTimeout=10&ApplicationName=my%20app&sslmode=verify-full");
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        assertThat(PostgresDsn.parse("  postgres://h/d\n").jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/d");
    }

    @Test
    void jdbcUrlPassesThroughUnchanged() {
        String url = "jdbc:postgresql://h:5432/d?sslmode=require";

        assertThat(PostgresDsn.parse(url)).isEqualTo(new PostgresDsn(url, Optional.empty(), Optional.empty()));
    }
}
