package dev.optoant.app.chaos;

/** The ways {@link ChaosUpstream} misbehaves; each answers a streamed and a non-streamed request in its own way. */
public enum Fault {
    /** Nothing listens on the port. */
    REFUSE_CONNECTIONS,
    /** Accepts and reads the request, never answers. */
    NEVER_ANSWER,
    /** Sends 200 and headers, then nothing. */
    HEADERS_THEN_STALL,
    /** Sends the first part of the body, then nothing. */
    STALL_MID_STREAM,
    /** Hangs up in the middle of an event (or of a JSON body). */
    CLOSE_MID_EVENT,
    /** Answers bytes that are not HTTP. */
    GARBAGE_BYTES,
    /** 200 with chunks (or a body) that are not JSON. */
    INVALID_JSON,
    /** One SSE data line (or JSON body) of 10 MB. */
    HUGE_LINE,
    /** 500 with an HTML page. */
    HTML_500,
    /** 200 whose body (or only event) is an error object. */
    ERROR_JSON_200,
    /** A good stream that sends {@code [DONE]} twice. */
    DONE_TWICE,
    /** A good stream whose body just ends, no {@code [DONE]}. */
    NO_DONE,
    /** DeepSeek's {@code finish_reason: insufficient_system_resource}. */
    INSUFFICIENT_SYSTEM_RESOURCE
}
