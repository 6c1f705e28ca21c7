package dev.optoant.domain.passthrough;

/** One HTTP header field as it appeared on the wire. */
public record Header(String name, String value) {
    public boolean is(String other) {
        return name.equalsIgnoreCase(other);
    }
}
