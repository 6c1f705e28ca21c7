package dev.optoant.http;

import dev.optoant.http.openapi.OpenApiNames;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.models.OpenAPI;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** {@code GET /openapi.json} and {@code /openapi.yaml}: the gateway's OpenAPI document, rendered once at start. */
@Path("/")
public final class OpenApiResource {
    private static final String YAML = "application/yaml";

    private final byte[] json;
    private final byte[] yaml;

    public OpenApiResource(OpenAPI document) {
        try {
            this.json = Json.pretty().writeValueAsString(document).getBytes(StandardCharsets.UTF_8);
            this.yaml = Yaml.pretty().writeValueAsString(document).getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Path("openapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "openApiJson", summary = "This document, as JSON", tags = OpenApiNames.TAG_DOCS, responses =
            @ApiResponse(responseCode = "200", description = "OpenAPI 3.0 document",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object"))))
    public byte[] json() {
        return json;
    }

    @GET
    @Path("openapi.yaml")
    @Produces(YAML)
    @Operation(operationId = "openApiYaml", summary = "This document, as YAML", tags = OpenApiNames.TAG_DOCS, responses =
            @ApiResponse(responseCode = "200", description = "OpenAPI 3.0 document",
                    content = @Content(mediaType = YAML, schema = @Schema(type = "string"))))
    public byte[] yaml() {
        return yaml;
    }
}
