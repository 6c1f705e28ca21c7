package dev.optoant.app;

import io.dropwizard.configuration.ConfigurationException;
import java.util.Optional;

/** Turns the exceptions of a misconfigured start into a single readable line. */
final class StartupProblems {
    private StartupProblems() {
    }

    static Optional<String> describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StartupException startup) {
                return Optional.of(startup.getMessage());
            }
            if (t instanceof ConfigurationException config) {
                return Optional.of(oneLine(config.getMessage()));
            }
        }
        return Optional.empty();
    }

    private static String oneLine(String message) {
        return message.strip()
                .replaceAll("\\s*\\n\\s*\\*\\s*", " ")
                .replaceAll("\\s*\\n\\s*", "; ")
                .replaceAll(":;", ":");
    }
}
