package dev.optoant.http.openapi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/**
 * The OpenAPI description of {@code POST /anthropic/v1/messages}, which a plain servlet serves
 * ({@link dev.optoant.http.MessagesServlet}): written as a JAX-RS resource so swagger-jaxrs2 reads it like the
 * others, and never registered with Jersey.
 */
@Path("/anthropic/v1/messages")
public interface MessagesEndpointDocs {
    @POST
    @Operation(operationId = "createMessage", summary = "Create a message", tags = OpenApiNames.TAG_ANTHROPIC,
            description = "Converted to a Chat Completions call upstream and the answer converted back. Streams "
                    + "(server-sent events) when the body says \"stream\": true, whatever Accept says. "
                    + "anthropic-version, anthropic-beta and other client headers are accepted and not forwarded.",
            parameters = @Parameter(in = ParameterIn.QUERY, name = "beta", description = "Accepted and ignored, "
                    + "as any other query parameter", schema = @Schema(type = "boolean")),
            security = {@SecurityRequirement(name = OpenApiNames.API_KEY), @SecurityRequirement(name = OpenApiNames.BEARER)},
            responses = {
                @ApiResponse(responseCode = "200", description = "The message, or its stream of events: each frame "
                        + "is 'event: <type>' and 'data: <event JSON>'", content = {
                            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiNames.MESSAGE)),
                            @Content(mediaType = "text/event-stream",
                                    schema = @Schema(ref = OpenApiNames.MESSAGE_STREAM_EVENT))}),
                @ApiResponse(responseCode = "400", description = "Malformed or invalid request", content = @Content(
                        mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiNames.ANTHROPIC_ERROR))),
                @ApiResponse(responseCode = "default", description = "Any other error (401, 403, 413, 429, 500, 502, "
                        + "504, 529), before the stream starts", content = @Content(
                        mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiNames.ANTHROPIC_ERROR)))})
    Response create(
            @RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiNames.MESSAGES_REQUEST)))
            InputStream body);
}
