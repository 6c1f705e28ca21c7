package dev.optoant.http;

import dev.optoant.domain.anthropic.MessagesRequest;
import dev.optoant.domain.messages.CreateMessageUseCase;
import dev.optoant.domain.messages.MessageStream;
import dev.optoant.domain.log.RequestTrace;
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
import java.util.Map;

/**
 * {@code POST /anthropic/v1/messages} (any query, e.g. {@code ?beta=true}) and {@code .../count_tokens}. Whether to
 * stream is decided by the body's {@code stream} field, not by {@code Accept}: Claude Code asks for JSON and
 * streams.
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
    public Response create(InputStream body, @HeaderParam("x-api-key") String apiKey,
            @HeaderParam("Authorization") String authorization, @Context HttpServletRequest http) {
        RequestTrace trace = RequestLogFilter.traceOf(http);
        MessagesRequest request = AnthropicJson.readRequest(body, maxBodyBytes);
        String token = Credentials.from(apiKey, authorization);
        if (!request.streaming()) {
            return Response.ok(AnthropicJson.write(messages.create(request, token, trace)),
                    MediaType.APPLICATION_JSON_TYPE).build();
        }
        MessageStream stream = messages.open(request, token, trace);
        StreamingOutput events = output -> {
            try (stream) {
                stream.relayTo(new SseEventSink(output));
            } catch (IOException clientGone) {
                // The upstream call was aborted already; there is nobody left to tell.
            }
        };
        return Response.ok(events, "text/event-stream")
                .header("Cache-Control", "no-cache")
                .header("X-Accel-Buffering", "no")
                .build();
    }

    @POST
    @Path("/count_tokens")
    public Response countTokens(InputStream body, @Context HttpServletRequest http) {
        MessagesRequest request = AnthropicJson.readRequest(body, maxBodyBytes);
        long tokens = messages.countTokens(request, RequestLogFilter.traceOf(http));
        return Response.ok(AnthropicJson.write(Map.of("input_tokens", tokens)),
                MediaType.APPLICATION_JSON_TYPE).build();
    }
}
