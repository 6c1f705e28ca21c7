package dev.optoant.http;

import dev.optoant.domain.anthropic.MessagesRequest;
import dev.optoant.domain.messages.CreateMessageUseCase;
import dev.optoant.domain.messages.MessageStream;
import dev.optoant.domain.passthrough.PrefixCapture;
import dev.optoant.domain.log.RequestTrace;
import dev.optoant.http.openapi.OpenApiNames;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code POST /anthropic/v1/messages} (any query, e.g. {@code ?beta=true}) and {@code .../count_tokens}. Whether to
 * stream is decided by the body's {@code stream} field, not by {@code Accept}: Claude Code asks for JSON and
 * streams.
 */
@Path("/anthropic/v1/messages")
public final class MessagesResource {
    private static final int CAPTURED_BODY_BYTES = 16 * 1024;

    private final CreateMessageUseCase messages;
    private final long maxBodyBytes;
    private final boolean captureBodies;

    public MessagesResource(CreateMessageUseCase messages, long maxBodyBytes) {
        this(messages, maxBodyBytes, false);
    }

    /** With {@code captureBodies}, the request log keeps the first 16 KiB of each body. */
    public MessagesResource(CreateMessageUseCase messages, long maxBodyBytes, boolean captureBodies) {
        this.messages = messages;
        this.maxBodyBytes = maxBodyBytes;
        this.captureBodies = captureBodies;
    }

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
    public Response create(
            @RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiNames.MESSAGES_REQUEST)))
            InputStream body,
            @Parameter(hidden = true) @HeaderParam("x-api-key") String apiKey,
            @Parameter(hidden = true) @HeaderParam("Authorization") String authorization,
            @Context HttpServletRequest http) {
        RequestTrace trace = RequestLogFilter.traceOf(http);
        AnthropicJson.requireDeclaredLengthWithin(http.getContentLengthLong(), maxBodyBytes);
        PrefixCapture requestBody = captureBodies ? new PrefixCapture(body, CAPTURED_BODY_BYTES) : null;
        MessagesRequest request = AnthropicJson.readRequest(requestBody == null ? body : requestBody, maxBodyBytes);
        String token = Credentials.from(apiKey, authorization);
        if (!request.streaming()) {
            byte[] answer = AnthropicJson.write(messages.create(request, token, trace));
            if (requestBody != null) {
                trace.bodies(text(requestBody.captured()), text(answer));
            }
            return Response.ok(answer, MediaType.APPLICATION_JSON_TYPE).build();
        }
        MessageStream stream = messages.open(request, token, trace);
        StreamingOutput events = output -> {
            SseEventSink sink = new SseEventSink(output, requestBody == null ? 0 : CAPTURED_BODY_BYTES);
            try (stream) {
                stream.relayTo(sink);
            } catch (IOException clientGone) {
                // The upstream call was aborted already; there is nobody left to tell.
            } finally {
                if (requestBody != null) {
                    trace.bodies(text(requestBody.captured()), sink.captured());
                }
            }
        };
        return Response.ok(events, "text/event-stream")
                .header("Cache-Control", "no-cache")
                .header("X-Accel-Buffering", "no")
                .build();
    }

    private static String text(byte[] bytes) {
        int length = Math.min(bytes.length, CAPTURED_BODY_BYTES);
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
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
        MessagesRequest request = AnthropicJson.readRequest(body, maxBodyBytes);
        long tokens = messages.countTokens(request, RequestLogFilter.traceOf(http));
        return Response.ok(AnthropicJson.write(Map.of("input_tokens", tokens)),
                MediaType.APPLICATION_JSON_TYPE).build();
    }
}
