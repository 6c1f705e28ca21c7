package dev.optoant.app;

import dev.optoant.http.OpenApiResource;
import dev.optoant.http.SwaggerUiEntryServlet;
import dev.optoant.http.openapi.GatewayOpenApi;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jetty.HttpConnectorFactory;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Serves the OpenAPI document of everything the application registered ({@code /openapi.json}, {@code .yaml}) and
 * Swagger UI from its webjar at {@code /swagger/}. Call it last in {@code run}, once every resource is registered.
 */
final class ApiDocumentation {
    static final String UI_PATH = "/swagger";
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final int DEFAULT_ADMIN_PORT = 8001;

    private ApiDocumentation() {
    }

    static void register(OptoantConfiguration config, Environment environment) {
        String jerseyRoot = environment.jersey().getUrlPattern();
        Set<Class<?>> resources = registeredResources(environment);
        resources.add(OpenApiResource.class);
        String version = OptoantApplication.class.getPackage().getImplementationVersion();
        environment.jersey().register(new OpenApiResource(GatewayOpenApi.build(resources, jerseyRoot,
                adminPort(config), version == null ? "dev" : version)));

        String specUrl = jerseyRoot.replaceAll("/\\*?$", "") + "/openapi.json";
        environment.servlets().addServlet("swagger-ui", new SwaggerUiAssets("/" + WEBJAR + swaggerUiVersion(), UI_PATH))
                .addMapping(UI_PATH + "/*");
        environment.servlets().addServlet("swagger-ui-entry", new SwaggerUiEntryServlet(specUrl))
                .addMapping(UI_PATH, UI_PATH + "/swagger-initializer.js");
    }

    /** The classes of the JAX-RS resources registered so far, as classes or as instances. */
    static Set<Class<?>> registeredResources(Environment environment) {
        var jersey = environment.jersey().getResourceConfig();
        Set<Class<?>> resources = new LinkedHashSet<>();
        Stream.concat(jersey.getClasses().stream(), jersey.getInstances().stream().map(Object::getClass))
                .filter(type -> type.isAnnotationPresent(Path.class))
                .forEach(resources::add);
        return resources;
    }

    private static int adminPort(OptoantConfiguration config) {
        if (config.getServerFactory() instanceof DefaultServerFactory server
                && !server.getAdminConnectors().isEmpty()
                && server.getAdminConnectors().get(0) instanceof HttpConnectorFactory connector
                && connector.getPort() > 0) {
            return connector.getPort();
        }
        return DEFAULT_ADMIN_PORT;
    }

    private static String swaggerUiVersion() {
        try (InputStream in = ApiDocumentation.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
