package dev.optoant.http.openapi;

import static dev.optoant.http.openapi.Bodies.EVENT_STREAM;
import static dev.optoant.http.openapi.Bodies.JSON;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.List;
import java.util.function.BiConsumer;

/** The OpenAI passthrough servlet's paths: a servlet, so described here rather than read from annotations. */
final class PassthroughPaths {
    private static final String RELAYED = "Relayed to upstream.baseUrl plus the same raw path and query. Bodies "
            + "stream both ways untouched; hop-by-hop headers are dropped; Authorization is forwarded, or replaced "
            + "by upstream.apiKey when configured. Upstream statuses and bodies (errors included) come back "
            + "unchanged; the gateway's own errors (bad path, 413, 502, 503, 504) use the OpenAI error shape.";

    private PassthroughPaths() {
    }

    static void addTo(Paths paths) {
        Operation chat = operation("createChatCompletion", "Chat Completions, relayed",
                RELAYED + " With \"stream\": true the answer is server-sent events, each relayed as it arrives.");
        chat.requestBody(Bodies.jsonBody(OpenAiSchemas.CHAT_REQUEST, true));
        chat.getResponses().addApiResponse("200", new ApiResponse().description("The upstream's answer")
                .content(new Content()
                        .addMediaType(JSON, new MediaType().schema(Schemas.ref(OpenAiSchemas.CHAT_COMPLETION)))
                        .addMediaType(EVENT_STREAM, new MediaType().schema(Schemas.ref(OpenAiSchemas.CHAT_CHUNK)))));
        addErrors(chat);
        paths.addPathItem("/v1/chat/completions", new PathItem().post(chat));

        Operation models = operation("listOpenAiModels", "The upstream's models, relayed", RELAYED);
        models.getResponses().addApiResponse("200", Bodies.json("The upstream's model list",
                OpenAiSchemas.OPENAI_MODEL_LIST));
        addErrors(models);
        paths.addPathItem("/v1/models", new PathItem().get(models));

        PathItem any = new PathItem()
                .description("Any path under /v1/, however many segments it has (/v1/embeddings, "
                        + "/v1/files/{id}/content, ...), is relayed the same way; methods GET, POST, PUT, PATCH, "
                        + "DELETE, HEAD and OPTIONS. Paths with '.' or '..' segments or encoded slashes are a 400.")
                .addParametersItem(new PathParameter().name("path").required(true)
                        .description("The rest of the path; may contain '/'")
                        .schema(Schemas.string(null)));
        List<String> methods = List.of("get", "post", "put", "patch", "delete");
        List<BiConsumer<PathItem, Operation>> setters = List.of(PathItem::setGet, PathItem::setPost,
                PathItem::setPut, PathItem::setPatch, PathItem::setDelete);
        for (int i = 0; i < methods.size(); i++) {
            String method = methods.get(i);
            Operation relay = operation("relay" + Character.toUpperCase(method.charAt(0)) + method.substring(1),
                    "Any other /v1 path, relayed", RELAYED);
            relay.getResponses().addApiResponse("200", new ApiResponse().description("The upstream's answer; "
                    + "its other statuses pass through as they are"));
            if (!method.equals("get") && !method.equals("delete")) {
                relay.requestBody(new RequestBody()
                        .content(Bodies.content("*/*", Schemas.anyJson("Any body, relayed as it is"))));
            }
            addErrors(relay);
            setters.get(i).accept(any, relay);
        }
        paths.addPathItem("/v1/{path}", any);
    }

    private static Operation operation(String id, String summary, String description) {
        return new Operation().operationId(id).summary(summary).description(description)
                .addTagsItem(OpenApiNames.TAG_OPENAI)
                .addSecurityItem(new SecurityRequirement().addList(OpenApiNames.BEARER))
                .responses(new ApiResponses());
    }

    private static void addErrors(Operation operation) {
        operation.getResponses()
                .addApiResponse("400", Bodies.openAiError("A path the gateway refuses"))
                .addApiResponse("413", Bodies.openAiError("Body larger than limits.maxRequestBody"))
                .addApiResponse("502", Bodies.openAiError("Upstream unreachable"))
                .addApiResponse("503", Bodies.openAiError("All upstream connections busy"))
                .addApiResponse("504", Bodies.openAiError("No first byte within upstream.firstByteTimeout"));
    }
}
