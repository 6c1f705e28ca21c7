package dev.optoant.http.openapi;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;

/** Request and response bodies for the operations the document adds by hand (servlets, not JAX-RS). */
final class Bodies {
    static final String JSON = "application/json";
    static final String EVENT_STREAM = "text/event-stream";

    private Bodies() {
    }

    static Content content(String mediaType, Schema<?> schema) {
        return new Content().addMediaType(mediaType, new MediaType().schema(schema));
    }

    static ApiResponse json(String description, String schemaName) {
        return new ApiResponse().description(description).content(content(JSON, Schemas.ref(schemaName)));
    }

    static ApiResponse openAiError(String description) {
        return json(description, OpenApiNames.OPENAI_ERROR);
    }

    static RequestBody jsonBody(String schemaName, boolean required) {
        return new RequestBody().required(required).content(content(JSON, Schemas.ref(schemaName)));
    }
}
