package dev.optoant.http;

import dev.optoant.domain.error.ErrorKind;
import dev.optoant.domain.error.GatewayException;
import dev.optoant.http.openapi.OpenApiNames;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /anthropic/v1/models} and {@code /anthropic/v1/models/{id}}: the models configured for Anthropic clients. */
@Path("/anthropic/v1/models")
public final class ModelsResource {
    private final List<ListedModel> models;

    public ModelsResource(List<ListedModel> models) {
        this.models = List.copyOf(models);
    }

    @GET
    @Operation(operationId = "listModels", summary = "List models", description = "The models of anthropic.models, all on one page",
            tags = OpenApiNames.TAG_ANTHROPIC, responses = @ApiResponse(responseCode = "200", description = "The models",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = OpenApiNames.MODEL_LIST))))
    public Response list() {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("data", models);
        page.put("has_more", false);
        page.put("first_id", models.isEmpty() ? null : models.get(0).id());
        page.put("last_id", models.isEmpty() ? null : models.get(models.size() - 1).id());
        return Response.ok(AnthropicJson.write(page), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getModel", summary = "Get a model", tags = OpenApiNames.TAG_ANTHROPIC, responses = {
            @ApiResponse(responseCode = "200", description = "The model", content = @Content(
                    mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiNames.MODEL_INFO))),
            @ApiResponse(responseCode = "404", description = "No such model in anthropic.models", content = @Content(
                    mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiNames.ANTHROPIC_ERROR)))})
    public Response get(@Parameter(description = "A model id, e.g. claude-sonnet-4-5") @PathParam("id") String id) {
        for (ListedModel model : models) {
            if (model.id().equals(id)) {
                return Response.ok(AnthropicJson.write(model), MediaType.APPLICATION_JSON_TYPE).build();
            }
        }
        throw new GatewayException(ErrorKind.NOT_FOUND, "model: " + id);
    }
}
