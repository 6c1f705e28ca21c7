package dev.optoant.app;

import io.dropwizard.testing.ConfigOverride;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts the real application from the repository's own {@code config.yml} with test overrides. */
final class GatewayTestSupport {
    static final String CONFIG = Path.of("..", "config.yml").toAbsolutePath().normalize().toString();

    private GatewayTestSupport() {
    }

    /** Random ports and the given upstream, plus any extra overrides. */
    static ConfigOverride[] overrides(String upstreamBaseUrl, ConfigOverride... extra) {
        List<ConfigOverride> all = new ArrayList<>(List.of(
                ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                ConfigOverride.config("server.adminConnectors[0].port", "0"),
                ConfigOverride.config("upstream.baseUrl", upstreamBaseUrl)));
        all.addAll(List.of(extra));
        return all.toArray(ConfigOverride[]::new);
    }
}
