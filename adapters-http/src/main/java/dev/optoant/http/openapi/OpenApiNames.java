package dev.optoant.http.openapi;

/** Names shared by the resources' annotations and the programmatic parts of the OpenAPI document. */
public final class OpenApiNames {
    public static final String TAG_ANTHROPIC = "Anthropic Messages API";
    public static final String TAG_OPENAI = "OpenAI passthrough";
    public static final String TAG_HEALTH = "Health";
    public static final String TAG_ADMIN = "Request log (admin port)";
    public static final String TAG_DOCS = "API documentation";

    /** {@code x-api-key: <key>}. */
    public static final String API_KEY = "apiKey";
    /** {@code Authorization: Bearer <key>}. */
    public static final String BEARER = "bearer";
    /** {@code Authorization: Bearer <admin token>} on the admin port. */
    public static final String ADMIN_TOKEN = "adminToken";

    public static final String MESSAGES_REQUEST = "MessagesRequest";
    public static final String MESSAGE = "Message";
    public static final String MESSAGE_STREAM_EVENT = "MessageStreamEvent";
    public static final String COUNT_TOKENS_RESPONSE = "CountTokensResponse";
    public static final String MODEL_INFO = "ModelInfo";
    public static final String MODEL_LIST = "ModelList";
    public static final String ANTHROPIC_ERROR = "AnthropicError";
    public static final String OPENAI_ERROR = "OpenAiError";
    public static final String HEALTH_STATUS = "HealthStatus";

    private OpenApiNames() {
    }
}
