package dev.optoant.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optoant.domain.log.RequestLogFilter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The admin API's query parameters: defaults, formats accepted, and a clear refusal of anything else. */
class AdminParametersTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private static AdminParameters of(Map<String, String> values) {
        return new AdminParameters(values::get);
    }

    @Test
    void noParametersListNewestHundredUnfiltered() {
        assertThat(of(Map.of()).filter())
                .isEqualTo(new RequestLogFilter(null, null, null, null, null, false, null, 100));
    }

    @Test
    void everyFilterIsRead() {
        UUID before = UUID.randomUUID();
        RequestLogFilter filter = of(Map.of("from", "2026-11-01", "to", "2026-11-02T10:00:00+02:00",
                "api", "anthropic", "model", "claude-x", "status", "429", "errors", "true",
                "before", before.toString(), "limit", "1000")).filter();
        assertThat(filter).isEqualTo(new RequestLogFilter(Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-11-02T08:00:00Z"), "anthropic", "claude-x", 429, true, before, 1000));
    }

    @Test
    void blankValuesAreAbsent() {
        assertThat(of(Map.of("api", "", "from", " ", "limit", "")).filter())
                .isEqualTo(new RequestLogFilter(null, null, null, null, null, false, null, 100));
    }

    @Test
    void unusableValuesAreRefusedByName() {
        for (Map.Entry<String, String> bad : List.of(Map.entry("from", "yesterday"), Map.entry("to", "2026-13-01"),
                Map.entry("before", "not-a-uuid"), Map.entry("before", "1-2-3-4-5"), Map.entry("limit", "0"),
                Map.entry("limit", "1001"), Map.entry("limit", "ten"), Map.entry("status", "42"),
                Map.entry("errors", "yes"))) {
            assertThatThrownBy(() -> of(Map.ofEntries(bad)).filter())
                    .isInstanceOf(AdminParameters.InvalidParameter.class)
                    .hasMessageContaining("'" + bad.getKey() + "'");
        }
        assertThatThrownBy(() -> of(Map.of("from", "2026-11-02", "to", "2026-11-01")).filter())
                .isInstanceOf(AdminParameters.InvalidParameter.class);
    }

    @Test
    void usageDefaultsToTheLastSevenDays() {
        assertThat(of(Map.of()).usageRange(NOW))
                .isEqualTo(new AdminParameters.UsageRange(Instant.parse("2026-11-19T12:00:00Z"), null));
        assertThat(of(Map.of("to", "2026-11-10")).usageRange(NOW))
                .isEqualTo(new AdminParameters.UsageRange(Instant.parse("2026-11-03T00:00:00Z"),
                        Instant.parse("2026-11-10T00:00:00Z")));
        assertThatThrownBy(() -> of(Map.of("from", "soon")).usageRange(NOW))
                .isInstanceOf(AdminParameters.InvalidParameter.class);
    }

    @Test
    void adminTokenIsCheckedWhenConfigured() {
        RequestLogAdminServlet open = new RequestLogAdminServlet(filter -> List.of(), (from, to) -> List.of(), "");
        assertThat(open.authorized(null)).isTrue();

        RequestLogAdminServlet guarded = new RequestLogAdminServlet(filter -> List.of(), (from, to) -> List.of(), "s3cret");
        assertThat(guarded.authorized("Bearer s3cret")).isTrue();
        assertThat(guarded.authorized("bearer s3cret")).isTrue();
        assertThat(guarded.authorized(null)).isFalse();
        assertThat(guarded.authorized("Bearer s3cre")).isFalse();
        assertThat(guarded.authorized("Basic s3cret")).isFalse();
        assertThat(guarded.authorized("s3cret")).isFalse();
    }
}
