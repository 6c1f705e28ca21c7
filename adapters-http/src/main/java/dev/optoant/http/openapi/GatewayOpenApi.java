package dev.optoant.http.openapi;

import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the gateway's OpenAPI document: swagger-jaxrs2 reads the JAX-RS resources' annotations; the schemas, the
 * passthrough servlet and the admin port's API are added as a model, since neither servlets nor plain domain
 * records carry annotations.
 */
public final class GatewayOpenApi {
    private GatewayOpenApi() {
    }

    /**
     * @param resources the JAX-RS resource classes the application registered
     * @param jerseyRoot the path Jersey is mounted on ({@code /} by default), prefixed to the resources' paths
     * @param adminPort the admin port's default in the admin paths' server
     * @param version the document's info.version, the application's version
     */
    public static OpenAPI build(Set<Class<?>> resources, String jerseyRoot, int adminPort, String version) {
        Components components = new Components()
                .addSecuritySchemes(OpenApiNames.API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER).name("x-api-key")
                        .description("The upstream key, Anthropic style; sent upstream as Authorization: Bearer "
                                + "unless upstream.apiKey replaces it"))
                .addSecuritySchemes(OpenApiNames.BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("bearer").description("Authorization: Bearer <upstream key>; forwarded unless "
                                + "upstream.apiKey replaces it"))
                .addSecuritySchemes(OpenApiNames.ADMIN_TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("bearer").description("Authorization: Bearer <adminApi.token>; required only "
                                + "when ADMIN_TOKEN is set"));
        AnthropicRequestSchemas.addTo(components);
        AnthropicResponseSchemas.addTo(components);
        OpenAiSchemas.addTo(components);
        components.addSchemas(OpenApiNames.HEALTH_STATUS, Schemas.required(healthStatus(), "status"));

        Set<Class<?>> documented = new LinkedHashSet<>(resources);
        documented.add(MessagesEndpointDocs.class);
        OpenAPI annotated = new Reader(new SwaggerConfiguration().openAPI(new OpenAPI())).read(documented);
        if (annotated.getComponents() != null && annotated.getComponents().getSchemas() != null) {
            annotated.getComponents().getSchemas().forEach(components::addSchemas);
        }
        Paths paths = new Paths();
        String prefix = jerseyRoot.replaceAll("/\\*?$", "");
        annotated.getPaths().forEach((path, item) -> paths.addPathItem(prefix + path, item));
        PassthroughPaths.addTo(paths);
        AdminApiDocs.addTo(paths, components, adminPort);

        return new OpenAPI()
                .openapi("3.0.1")
                .info(new Info().title("optoant").version(version)
                        .description("LLM gateway: the OpenAI API passed through under /v1, the Anthropic Messages "
                                + "API under /anthropic converted to Chat Completions, and the request log's read "
                                + "API on the admin port."))
                .addServersItem(new Server().url("/").description("This gateway's application port"))
                .tags(List.of(
                        new Tag().name(OpenApiNames.TAG_ANTHROPIC).description("Converted to and from Chat Completions"),
                        new Tag().name(OpenApiNames.TAG_OPENAI).description("Relayed byte for byte"),
                        new Tag().name(OpenApiNames.TAG_HEALTH),
                        new Tag().name(OpenApiNames.TAG_ADMIN).description("Served on the admin port only"),
                        new Tag().name(OpenApiNames.TAG_DOCS)))
                .paths(paths)
                .components(components);
    }

    private static ObjectSchema healthStatus() {
        ObjectSchema schema = Schemas.object("Liveness: answered without touching "
                + "the upstream or the database");
        schema.addProperty("status", Schemas.constant("ok"));
        return schema;
    }
}
