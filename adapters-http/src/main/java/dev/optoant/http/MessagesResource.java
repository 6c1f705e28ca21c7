package dev.optoant.http;

import dev.optoant.domain.anthropic.MessagesRequest;
import dev.optoant.domain.messages.CreateMessageUseCase;
import dev.optoant.http.openapi.OpenApiNames;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Map;

/**
 * {@code POST /anthropic/v1/messages/count_tokens}; the messages endpoint itself is {@link MessagesServlet}, off
 * Jersey's per-request cost.
 */
@Path("/anthropic/v1/messages")
public final class MessagesResource {
    private final CreateMessageUseCase messages;
    private final long maxBodyBytes;

    public MessagesResource(CreateMessageUseCase messages, long maxBodyBytes) {
        this.messages = messages;
        this.maxBodyBytes = maxBodyBytes;
    }

    @POST
    @Path("/count_tokens")
    @Operation(operationId = "countMessageTokens", summary = "Count a request's input tokens", tags = OpenApiNames.TAG_ANTHROPIC,
            description = "Counted locally over the converted request; no upstream call, no credential needed.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The count", content = @Content(
                        mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiNames.COUNT_TOKENS_RESPONSE))),
                @ApiResponse(responseCode = "default", description = "An error (400, 413)", content = @Content(
                        mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiNames.ANTHROPIC_ERROR)))})
    public Response countTokens(
            @RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiNames.MESSAGES_REQUEST)))
            InputStream body,
            @Context HttpServletRequest http) {
        AnthropicJson.requireDeclaredLengthWithin(http.getContentLengthLong(), maxBodyBytes);
        MessagesRequest request = AnthropicJson.readRequest(http, body, maxBodyBytes);
        long tokens = messages.countTokens(request, RequestLogFilter.traceOf(http));
        return Response.ok(AnthropicJson.write(Map.of("input_tokens", tokens)),
                MediaType.APPLICATION_JSON_TYPE).build();
    }
}
