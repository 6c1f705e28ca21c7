package dev.optoant.http.openapi;

import static dev.optoant.http.openapi.Schemas.add;
import static dev.optoant.http.openapi.Schemas.array;
import static dev.optoant.http.openapi.Schemas.bool;
import static dev.optoant.http.openapi.Schemas.int64;
import static dev.optoant.http.openapi.Schemas.integer;
import static dev.optoant.http.openapi.Schemas.nullable;
import static dev.optoant.http.openapi.Schemas.number;
import static dev.optoant.http.openapi.Schemas.object;
import static dev.optoant.http.openapi.Schemas.oneOfStrings;
import static dev.optoant.http.openapi.Schemas.ref;
import static dev.optoant.http.openapi.Schemas.required;
import static dev.optoant.http.openapi.Schemas.string;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.servers.ServerVariable;
import io.swagger.v3.oas.models.servers.ServerVariables;
import java.math.BigDecimal;
import java.util.List;

/** The request log's read API: a servlet on the admin port, so its paths carry their own {@code servers}. */
final class AdminApiDocs {
    private static final String TIME = "An ISO-8601 time (2026-01-31T12:00:00Z) or a date (its UTC midnight)";

    private AdminApiDocs() {
    }

    static void addTo(Paths paths, Components components, int adminPort) {
        List<Server> adminServer = List.of(new Server().url("{scheme}://{host}:{port}")
                .description("The admin port (server.adminConnectors, ADMIN_PORT); not the application port")
                .variables(new ServerVariables()
                        .addServerVariable("scheme", new ServerVariable()._default("http")._enum(List.of("http", "https")))
                        .addServerVariable("host", new ServerVariable()._default("localhost"))
                        .addServerVariable("port", new ServerVariable()._default(String.valueOf(adminPort)))));

        Operation list = operation("listRequests", "Logged requests, newest first", "Keyset pagination: pass "
                + "next as before to get the following page.", "RequestLogPage");
        list.addParametersItem(query("from", "Inclusive start. " + TIME, Schemas.string(null)))
                .addParametersItem(query("to", "Exclusive end, after from. " + TIME, Schemas.string(null)))
                .addParametersItem(query("api", null, oneOfStrings(null, "openai", "anthropic")))
                .addParametersItem(query("model", "The model the client asked for", Schemas.string(null)))
                .addParametersItem(query("status", "HTTP status, 100 to 599", integer(null).minimum(
                        BigDecimal.valueOf(100)).maximum(BigDecimal.valueOf(599))))
                .addParametersItem(query("errors", "true keeps requests with status 400 or above or an error "
                        + "recorded", bool(null)))
                .addParametersItem(query("before", "The next value of the previous page", Schemas.string(null)
                        .format("uuid")))
                .addParametersItem(query("limit", "Page size, 1 to 1000, default 100", integer(null)
                        .minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(1000))));
        paths.addPathItem("/requests", new PathItem().servers(adminServer).get(list));

        Operation usage = operation("requestUsage", "Usage by UTC day and requested model",
                "Defaults to the 7 days before to (or before now).", "UsageReport");
        usage.addParametersItem(query("from", "Inclusive start. " + TIME, Schemas.string(null)))
                .addParametersItem(query("to", "Exclusive end, after from; open when absent. " + TIME,
                        Schemas.string(null)));
        paths.addPathItem("/requests/usage", new PathItem().servers(adminServer).get(usage));

        addSchemas(components);
    }

    private static Operation operation(String id, String summary, String description, String schema) {
        return new Operation().operationId(id).summary(summary).description(description)
                .addTagsItem(OpenApiNames.TAG_ADMIN)
                .addSecurityItem(new SecurityRequirement().addList(OpenApiNames.ADMIN_TOKEN))
                .responses(new ApiResponses()
                        .addApiResponse("200", Bodies.json("The rows", schema))
                        .addApiResponse("400", Bodies.openAiError("A query parameter the API can't use, named in "
                                + "the message"))
                        .addApiResponse("401", Bodies.openAiError("adminApi.token is set and the request lacks "
                                + "Authorization: Bearer <token>"))
                        .addApiResponse("503", Bodies.openAiError("The request log could not be read")));
    }

    private static QueryParameter query(String name, String description, Schema<?> schema) {
        QueryParameter parameter = new QueryParameter();
        parameter.name(name).description(description).schema(schema);
        return parameter;
    }

    private static void addSchemas(Components components) {
        ObjectSchema entry = object("One request through either API. Credentials are never stored: only a short "
                + "fingerprint of the client's key");
        entry.addProperty("id", string("Time-ordered UUID").format("uuid"));
        entry.addProperty("started_at", string(null).format("date-time"));
        entry.addProperty("api", oneOfStrings(null, "openai", "anthropic"));
        entry.addProperty("method", string(null));
        entry.addProperty("path", string(null));
        entry.addProperty("requested_model", nullable(string("The model the client named")));
        entry.addProperty("upstream_model", nullable(string("The model sent upstream")));
        entry.addProperty("streaming", bool(null));
        entry.addProperty("status", integer(null));
        entry.addProperty("error_type", nullable(string("The error type the client saw")));
        entry.addProperty("error_message", nullable(string(null)));
        entry.addProperty("latency_micros", int64("From arrival to the end of the response"));
        entry.addProperty("first_byte_micros", nullable(int64("From arrival to the upstream's first byte")));
        entry.addProperty("upstream_attempts", nullable(integer("Calls made to the upstream, retries included; 0 when "
                + "it was never called (the request was refused before that); null on rows written before the gateway "
                + "counted them")));
        entry.addProperty("input_tokens", nullable(int64(null)));
        entry.addProperty("output_tokens", nullable(int64(null)));
        entry.addProperty("cached_tokens", nullable(int64(null)));
        entry.addProperty("reasoning_tokens", nullable(int64(null)));
        entry.addProperty("client_address", nullable(string(null)));
        entry.addProperty("user_agent", nullable(string(null)));
        entry.addProperty("api_key_fingerprint", nullable(string("sha256:... of the client's credential")));
        entry.addProperty("request_body", nullable(string("With requestLog.captureBodies only")));
        entry.addProperty("response_body", nullable(string("With requestLog.captureBodies only")));
        add(components, "RequestLogEntry", required(entry, "id", "started_at", "api", "method", "path",
                "streaming", "status", "latency_micros"));
        ObjectSchema page = object(null);
        page.addProperty("data", array(ref("RequestLogEntry"), null));
        page.addProperty("next", nullable(string("Pass as before for the next page; null on the last page")));
        add(components, "RequestLogPage", required(page, "data", "next"));

        ObjectSchema day = object("Usage of one requested model on one UTC day");
        day.addProperty("day", string(null).format("date"));
        day.addProperty("model", nullable(string("null groups the requests that named none")));
        day.addProperty("requests", int64(null));
        day.addProperty("errors", int64(null));
        day.addProperty("input_tokens", int64(null));
        day.addProperty("output_tokens", int64(null));
        day.addProperty("latency_p50_micros", number(null));
        day.addProperty("latency_p95_micros", number(null));
        day.addProperty("latency_p99_micros", number(null));
        add(components, "UsageSummary", required(day, "day", "model", "requests", "errors", "input_tokens",
                "output_tokens", "latency_p50_micros", "latency_p95_micros", "latency_p99_micros"));
        ObjectSchema report = object(null);
        report.addProperty("data", array(ref("UsageSummary"), null));
        add(components, "UsageReport", required(report, "data"));
    }
}
