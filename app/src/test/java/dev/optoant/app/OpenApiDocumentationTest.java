package dev.optoant.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optoant.domain.log.RequestLogEntry;
import dev.optoant.http.HealthResource;
import dev.optoant.http.MessagesResource;
import dev.optoant.http.ModelsResource;
import dev.optoant.http.OpenApiResource;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The OpenAPI document and Swagger UI served by the running gateway: valid, complete, and not request-logged. */
@ExtendWith(DropwizardExtensionsSupport.class)
class OpenApiDocumentationTest {
    @RegisterExtension
    static final StubUpstream UPSTREAM = StubUpstream.startOrFail();
    private static final DropwizardAppExtension<OptoantConfiguration> APP =
            GatewayTestSupport.appWithRequestLog(UPSTREAM.baseUrl(),
                    ConfigOverride.config("requestLog.flushInterval", "20ms"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    @Test
    void bothRenderingsPassTheValidatorWithoutASingleMessage() throws Exception {
        for (String path : List.of("/openapi.json", "/openapi.yaml")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            SwaggerParseResult result = parse(response.body());
            assertThat(result.getMessages()).as(path).isEmpty();
            assertThat(result.getOpenAPI().getPaths()).as(path).containsKey("/anthropic/v1/messages");
        }
        assertThat(get("/openapi.json").headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(get("/openapi.yaml").headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/yaml"));
    }

    @Test
    void everyRegisteredResourceMethodIsDocumentedWithItsHttpMethod() throws Exception {
        OpenAPI spec = spec();
        Set<Class<?>> resources = ApiDocumentation.registeredResources(APP.getEnvironment());
        assertThat(resources).contains(MessagesResource.class, ModelsResource.class, HealthResource.class,
                OpenApiResource.class);
        List<String> endpoints = new ArrayList<>();
        for (Class<?> resource : resources) {
            for (Method method : resource.getMethods()) {
                String httpMethod = httpMethodOf(method);
                if (httpMethod == null) {
                    continue;
                }
                String path = pathOf(resource, method);
                endpoints.add(httpMethod + " " + path);
                PathItem item = spec.getPaths().get(path);
                assertThat(item).as(path).isNotNull();
                assertThat(item.readOperationsMap()).as(httpMethod + " " + path)
                        .containsKey(PathItem.HttpMethod.valueOf(httpMethod));
            }
        }
        assertThat(endpoints).contains("POST /anthropic/v1/messages/count_tokens",
                "GET /anthropic/v1/models", "GET /anthropic/v1/models/{id}", "GET /health", "GET /openapi.json",
                "GET /openapi.yaml");
    }

    @Test
    void theServletsAndTheAdminPortAreDocumentedToo() throws Exception {
        OpenAPI spec = spec();
        assertThat(spec.getPaths().get("/v1/chat/completions").getPost()).isNotNull();
        assertThat(spec.getPaths().get("/anthropic/v1/messages").getPost()).satisfies(create -> {
            assertThat(create.getOperationId()).isEqualTo("createMessage");
            assertThat(create.getRequestBody().getContent().get("application/json").getSchema().get$ref())
                    .endsWith("/MessagesRequest");
            assertThat(create.getResponses()).containsKeys("200", "400", "default");
        });
        assertThat(spec.getPaths().get("/v1/models").getGet()).isNotNull();
        PathItem anyPath = spec.getPaths().get("/v1/{path}");
        assertThat(anyPath.getDescription()).contains("Any path under /v1/");
        assertThat(anyPath.readOperationsMap()).containsKeys(PathItem.HttpMethod.GET, PathItem.HttpMethod.POST,
                PathItem.HttpMethod.DELETE);

        for (String path : List.of("/requests", "/requests/usage")) {
            PathItem admin = spec.getPaths().get(path);
            assertThat(admin.getServers()).as(path).singleElement().satisfies(server ->
                    assertThat(server.getVariables().get("port").getDefault()).isEqualTo("8001"));
            assertThat(admin.getGet().getSecurity()).as(path).singleElement()
                    .satisfies(requirement -> assertThat(requirement).containsKey("adminToken"));
        }
        assertThat(spec.getPaths().get("/requests").getGet().getParameters())
                .extracting(parameter -> parameter.getName())
                .containsExactly("from", "to", "api", "model", "status", "errors", "before", "limit");
        assertThat(spec.getComponents().getSecuritySchemes()).containsKeys("apiKey", "bearer", "adminToken");
        assertThat(spec.getComponents().getSecuritySchemes().get("apiKey").getName()).isEqualTo("x-api-key");
        assertThat(spec.getServers()).singleElement().satisfies(server -> assertThat(server.getUrl()).isEqualTo("/"));
    }

    @Test
    void theAnthropicUnionsAreDiscriminatedOnType() throws Exception {
        var schemas = spec().getComponents().getSchemas();
        Schema<?> blocks = schemas.get("ContentBlock");
        assertThat(blocks.getDiscriminator().getPropertyName()).isEqualTo("type");
        assertThat(blocks.getDiscriminator().getMapping()).containsOnlyKeys("text", "image", "document", "tool_use",
                "tool_result", "thinking", "redacted_thinking");
        assertThat(schemas.get("MessageStreamEvent").getDiscriminator().getMapping()).containsOnlyKeys(
                "message_start", "content_block_start", "content_block_delta", "content_block_stop", "message_delta",
                "message_stop", "ping", "error");
        assertThat(schemas.get("ContentBlockDelta").getDiscriminator().getMapping()).containsOnlyKeys(
                "text_delta", "input_json_delta", "thinking_delta", "signature_delta");
        JsonNode create = JSON.readTree(get("/openapi.json").body()).at("/paths/~1anthropic~1v1~1messages/post");
        assertThat(create.at("/requestBody/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/MessagesRequest");
        assertThat(create.at("/responses/200/content/text~1event-stream/schema/$ref").asText())
                .isEqualTo("#/components/schemas/MessageStreamEvent");
        assertThat(create.at("/responses/default/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/AnthropicError");
        assertThat(create.at("/parameters").findValuesAsText("name")).doesNotContain("x-api-key", "Authorization");
    }

    @Test
    void swaggerUiOpensTheGatewaysOwnDocument() throws Exception {
        for (String path : List.of("/swagger", "/swagger/")) {
            HttpResponse<String> page = get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.uri().getPath()).isEqualTo("/swagger/");
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(page.body()).contains("<div id=\"swagger-ui\">", "./swagger-initializer.js");
        }
        HttpResponse<String> initializer = get("/swagger/swagger-initializer.js");
        assertThat(initializer.statusCode()).isEqualTo(200);
        assertThat(initializer.body()).contains("url: \"/openapi.json\"").doesNotContain("petstore");
        assertThat(get("/swagger/swagger-ui-bundle.js").statusCode()).isEqualTo(200);

        HttpResponse<String> missing = get("/swagger/no-such-file.js");
        assertThat(missing.statusCode()).isEqualTo(404);
        JsonNode error = JSON.readTree(missing.body());
        assertThat(error.path("type").isMissingNode()).as("not Anthropic's error shape").isTrue();
        assertThat(error.at("/error/code").asText()).isEqualTo("not_found");
        for (String path : List.of("/swagger", "/swagger/index.html", "/swagger/swagger-initializer.js")) {
            HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                    + APP.getLocalPort() + path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).as(path).isEqualTo(405);
            assertThat(JSON.readTree(post.body()).at("/error/type").asText()).as(path)
                    .isEqualTo("invalid_request_error");
        }
    }

    @Test
    void documentationRequestsLeaveNoRequestLogRows() throws Exception {
        UPSTREAM.route("/v1/models", ex -> StubUpstream.send(ex, 200, "application/json",
                "{\"object\":\"list\",\"data\":[]}"));
        for (String path : List.of("/openapi.json", "/openapi.yaml", "/swagger/", "/swagger/swagger-initializer.js",
                "/swagger/index.css", "/health")) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(get("/v1/models").statusCode()).isEqualTo(200);

        List<RequestLogEntry> rows = GatewayTestSupport.awaitLogRows(APP, 1);
        assertThat(rows).extracting(RequestLogEntry::path).containsExactly("/v1/models");
    }

    private static OpenAPI spec() throws Exception {
        SwaggerParseResult result = parse(get("/openapi.json").body());
        assertThat(result.getMessages()).isEmpty();
        return result.getOpenAPI();
    }

    private static SwaggerParseResult parse(String text) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIParser().readContents(text, null, options);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + APP.getLocalPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String httpMethodOf(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod designator = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (designator != null) {
                return designator.value();
            }
        }
        return null;
    }

    /** The class's and the method's {@code @Path} joined as OpenAPI writes them: one slash, no regex in templates. */
    private static String pathOf(Class<?> resource, Method method) {
        String path = "/" + resource.getAnnotation(Path.class).value();
        if (method.isAnnotationPresent(Path.class)) {
            path += "/" + method.getAnnotation(Path.class).value();
        }
        path = path.replaceAll("/+", "/").replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
