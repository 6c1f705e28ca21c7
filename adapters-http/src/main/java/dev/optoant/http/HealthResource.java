package dev.optoant.http;

import dev.optoant.http.openapi.OpenApiNames;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
    @Operation(operationId = "health", summary = "Liveness probe", tags = OpenApiNames.TAG_HEALTH, responses = @ApiResponse(
            responseCode = "200", description = "Always {\"status\":\"ok\"} while the process serves requests",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = OpenApiNames.HEALTH_STATUS))))
    public Map<String, String> health() {
        return OK;
    }
}
