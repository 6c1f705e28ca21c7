package dev.optoant.app;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code adminApi:} section: an optional bearer token the admin port's request-log API then demands. */
public class AdminApiConfig {
    @JsonProperty
    private String token = "";

    /** The token, or an empty string when the admin API is guarded by the admin port's reachability alone. */
    public String token() {
        return token == null ? "" : token;
    }
}
