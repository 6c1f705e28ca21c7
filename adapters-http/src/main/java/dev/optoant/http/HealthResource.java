package dev.optoant.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** {@code GET /health}: a cheap liveness probe, answered without touching the upstream or the database. */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {
    private static final Map<String, String> OK = Map.of("status", "ok");

    @GET
    public Map<String, String> health() {
        return OK;
    }
}
