package dev.optoant.domain.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.optoant.domain.anthropic.MessagesRequest;
import dev.optoant.domain.error.ErrorKind;
import dev.optoant.domain.error.GatewayException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every request the conversion refuses: an INVALID_REQUEST whose message names the field and the reason. Bodies are
 * written with single quotes for readability and turned into JSON by {@link #json}.
 */
class MessagesRequestValidationTest {
    private static final ConversionSettings DEEPSEEK = ConversionSettings.deepSeekDefaults();
    private static final ConversionSettings WITH_MEDIA = new ConversionSettings(DEEPSEEK.routes(),
            DEEPSEEK.defaultModel(), DEEPSEEK.maxOutputTokens(), true, true, UpstreamDialect.OPENAI);
    private static final ConversionSettings WITH_IMAGES = new ConversionSettings(DEEPSEEK.routes(),
            DEEPSEEK.defaultModel(), DEEPSEEK.maxOutputTokens(), true, false, UpstreamDialect.DEEPSEEK);

    private static final String HI = "{'role':'user','content':'hi'}";
    private static final String CALL = "{'role':'assistant','content':[{'type':'text','text':'x'},"
            + "{'type':'tool_use','id':'toolu_1','name':'Read','input':{}}]}";
    private static final String PNG =
            "{'type':'image','source':{'type':'base64','media_type':'image/png','data':'AA'}}";
    private static final String PDF =
            "{'type':'document','source':{'type':'base64','media_type':'application/pdf','data':'JVBERi0='}}";
    private static final String NO_CALL = " matches no tool_use of the preceding assistant message";
    private static final String UNANSWERED = "' has no tool_result in the following user message";
    private static final String ROLES = " (expected user, assistant or system)";

    static Stream<Arguments> refusals() {
        return Stream.of(
                arguments("model missing", "{'max_tokens':10,'messages':[" + HI + "]}", "model: required"),
                arguments("model blank", "{'model':' ','max_tokens':10,'messages':[" + HI + "]}", "model: required"),
                arguments("max_tokens missing", "{'model':'m','messages':[" + HI + "]}", "max_tokens: required"),
                arguments("max_tokens zero", "{'model':'m','max_tokens':0,'messages':[" + HI + "]}",
                        "max_tokens: must be at least 1, got 0"),
                arguments("max_tokens negative", "{'model':'m','max_tokens':-5,'messages':[" + HI + "]}",
                        "max_tokens: must be at least 1, got -5"),
                arguments("messages missing", "{'model':'m','max_tokens':10}",
                        "messages: at least one message is required"),
                arguments("messages null", "{'model':'m','max_tokens':10,'messages':null}",
                        "messages: at least one message is required"),
                arguments("messages empty", body(""), "messages: at least one message is required"),
                arguments("message null", body("null"), "messages.0: must be a message object, got null"),
                arguments("role unknown", body(HI + ",{'role':'tool','content':'x'}"),
                        "messages.1.role: unknown role 'tool'" + ROLES),
                arguments("role missing", body("{'content':'x'}"), "messages.0.role: unknown role none" + ROLES),
                arguments("user content empty string", body(user("''")), "messages.0.content: must not be empty"),
                arguments("user content empty array", body(user("[]")), "messages.0.content: must not be empty"),
                arguments("user content only empty text", body(user("[{'type':'text','text':''}]")),
                        "messages.0.content: must not be empty"),
                arguments("user content missing", body("{'role':'user'}"), "messages.0.content: required"),
                arguments("assistant content empty before the end",
                        body(HI + "," + assistant("[]") + "," + HI), "messages.1.content: must not be empty"),
                arguments("assistant content missing at the end", body(HI + ",{'role':'assistant'}"),
                        "messages.1.content: required"),
                arguments("unknown block in user", body(user("[{'type':'text','text':'a'},{'type':'foo'}]")),
                        "messages.0.content.1: unknown content block type 'foo'"),
                arguments("unknown block in assistant",
                        body(HI + "," + assistant("[{'type':'server_tool_use','id':'s'}]")),
                        "messages.1.content.0: unknown content block type 'server_tool_use'"),
                arguments("unknown block in system message",
                        body("{'role':'system','content':[{'type':'foo'}]}," + HI),
                        "messages.0.content.0: unknown content block type 'foo'"),
                arguments("unknown block in system",
                        "{'model':'m','max_tokens':10,'system':[{'type':'foo'}],'messages':[" + HI + "]}",
                        "system.0: unknown content block type 'foo'"),
                arguments("image in system", "{'model':'m','max_tokens':10,'system':[{'type':'text','text':'a'},"
                        + PNG + "],'messages':[" + HI + "]}",
                        "system.1: a system instruction takes text blocks only, got 'image'"),
                arguments("tool_use in system message",
                        body("{'role':'system','content':[{'type':'tool_use','id':'t','name':'n'}]}," + HI),
                        "messages.0.content.0: a system instruction takes text blocks only, got 'tool_use'"),
                arguments("null block", body(user("[null]")),
                        "messages.0.content.0: must be a content block object, got null"),
                arguments("null block in system",
                        "{'model':'m','max_tokens':10,'system':[null],'messages':[" + HI + "]}",
                        "system.0: must be a content block object, got null"),
                arguments("tool_result without any call", body(result("toolu_x")),
                        "messages.0.content.0.tool_use_id: tool_result for 'toolu_x'" + NO_CALL),
                arguments("tool_result for another id", body(HI + "," + CALL + "," + result("toolu_2")),
                        "messages.2.content.0.tool_use_id: tool_result for 'toolu_2'" + NO_CALL),
                arguments("tool_result without id",
                        body(HI + "," + CALL + "," + user("[{'type':'tool_result','content':'r'}]")),
                        "messages.2.content.0.tool_use_id: tool_result for none" + NO_CALL),
                arguments("tool_result for an older turn's call", body(HI + "," + CALL + "," + result("toolu_1")
                        + "," + assistant("'ok'") + "," + result("toolu_1")),
                        "messages.4.content.0.tool_use_id: tool_result for 'toolu_1'" + NO_CALL),
                arguments("second tool_result for a call",
                        body(HI + "," + CALL + ","
                                + user("[" + resultBlock("toolu_1") + "," + resultBlock("toolu_1") + "]")),
                        "messages.2.content.1.tool_use_id: a second tool_result for 'toolu_1'"),
                arguments("call left unanswered by the next user turn", body(HI + "," + CALL + "," + HI),
                        "messages.1.content.1: tool_use 'toolu_1" + UNANSWERED),
                arguments("call followed by another assistant turn", body(HI + "," + CALL + "," + assistant("'x'")),
                        "messages.1.content.1: tool_use 'toolu_1" + UNANSWERED),
                arguments("call in the last message", body(HI + "," + CALL),
                        "messages.1.content.1: tool_use 'toolu_1" + UNANSWERED),
                arguments("tool_use without id",
                        body(HI + "," + assistant("[{'type':'tool_use','name':'n','input':{}}]")),
                        "messages.1.content.0.id: required"),
                arguments("tool_use without name",
                        body(HI + "," + assistant("[{'type':'tool_use','id':'t','input':{}}]")),
                        "messages.1.content.0.name: required"),
                arguments("tool_use id twice", body(HI + "," + assistant(
                        "[{'type':'tool_use','id':'t','name':'a'},{'type':'tool_use','id':'t','name':'b'}]")),
                        "messages.1.content.1.id: duplicate tool_use id 't'"),
                arguments("tool_use in a user message", body(user("[{'type':'tool_use','id':'t','name':'n'}]")),
                        "messages.0.content.0: tool_use blocks belong in assistant messages"),
                arguments("tool_result in an assistant message",
                        body(HI + "," + assistant("[" + resultBlock("t") + "]")),
                        "messages.1.content.0: tool_result blocks belong in user messages"),
                arguments("image in an assistant message", body(HI + "," + assistant("[" + PNG + "]")),
                        "messages.1.content.0: image blocks belong in user messages"),
                arguments("document in an assistant message", body(HI + "," + assistant(
                        "[{'type':'document','source':{'type':'text','data':'d'}}]")),
                        "messages.1.content.0: document blocks belong in user messages"),
                arguments("call block inside a tool_result", body(HI + "," + CALL + "," + resultWith(
                        "{'type':'tool_use','id':'x','name':'y'}")),
                        "messages.2.content.0.content.0: a tool_use block can't be inside a tool_result"),
                arguments("thinking inside a tool_result", body(HI + "," + CALL + "," + resultWith(
                        "{'type':'text','text':'ok'},{'type':'thinking','thinking':'t'}")),
                        "messages.2.content.0.content.1: a thinking block can't be inside a tool_result"),
                arguments("null inside a tool_result", body(HI + "," + CALL + "," + resultWith("null")),
                        "messages.2.content.0.content.0: must be a content block object, got null"),
                arguments("image for an upstream without images",
                        body(user("[{'type':'text','text':'see'}," + PNG + "]")),
                        "messages.0.content.1: the configured upstream does not accept images; remove the image block"),
                arguments("PDF for an upstream without PDFs", body(user("[" + PDF + "]")), "messages.0.content.0: "
                        + "the configured upstream does not accept PDF documents; send the document as text"),
                arguments("PDF by URL for an upstream without PDFs",
                        body(user("[{'type':'document','source':{'type':'url','url':'https://x/a.pdf'}}]")),
                        "messages.0.content.0: "
                        + "the configured upstream does not accept PDF documents; send the document as text"),
                arguments("document without source", body(user("[{'type':'document'}]")),
                        "messages.0.content.0.source: required"),
                arguments("document of another media type", body(user(
                        "[{'type':'document','source':{'type':'base64','media_type':'application/msword',"
                        + "'data':'AA'}}]")),
                        "messages.0.content.0.source.media_type: "
                        + "unsupported document media type 'application/msword' (expected application/pdf)"),
                arguments("document from the Files API",
                        body(user("[{'type':'document','source':{'type':'file','file_id':'f'}}]")),
                        "messages.0.content.0.source.type: "
                        + "unsupported document source 'file' (expected text, content, base64 or url)"),
                arguments("content document with an image",
                        body(user("[{'type':'document','source':{'type':'content','content':[" + PNG + "]}}]")),
                        "messages.0.content.0.source.content: only text blocks are supported in a document's content"),
                arguments("tool_choice naming a missing tool", withTools("{'type':'tool','name':'nope'}"),
                        "tool_choice.name: tool 'nope' is not in tools"),
                arguments("tool_choice naming a server tool", withTools("{'type':'tool','name':'web_search'}"),
                        "tool_choice.name: tool 'web_search' is not in tools"),
                arguments("tool_choice tool without name", withTools("{'type':'tool'}"),
                        "tool_choice.name: required when type is 'tool'"),
                arguments("tool_choice of an unknown type", withTools("{'type':'function'}"),
                        "tool_choice.type: unknown type 'function' (expected auto, any, tool or none)"),
                arguments("tool_choice without type", withTools("{'name':'lookup'}"),
                        "tool_choice.type: unknown type none (expected auto, any, tool or none)"),
                arguments("tool_choice any without tools",
                        "{'model':'m','max_tokens':10,'messages':[" + HI + "],'tool_choice':{'type':'any'}}",
                        "tool_choice: type 'any' needs at least one tool (server tools are not forwarded)"),
                arguments("tool null", "{'model':'m','max_tokens':10,'messages':[" + HI + "],'tools':[null]}",
                        "tools.0: must be a tool object, got null"),
                arguments("tool without name",
                        "{'model':'m','max_tokens':10,'messages':[" + HI + "],'tools':[{'input_schema':{}}]}",
                        "tools.0.name: required"),
                arguments("tool name twice",
                        "{'model':'m','max_tokens':10,'messages':[" + HI + "],'tools':[{'name':'a'},{'name':'a'}]}",
                        "tools.1.name: duplicate tool name 'a'"),
                arguments("tool schema not an object", "{'model':'m','max_tokens':10,'messages':[" + HI
                        + "],'tools':[{'name':'a','input_schema':'string'}]}",
                        "tools.0.input_schema: must be a JSON Schema object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusesWithAMessageNamingTheField(String description, String body, String message) {
        GatewayException refusal = refusal(DEEPSEEK, body);

        assertThat(refusal.kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
        assertThat(refusal).hasMessage(message);
    }

    static Stream<Arguments> mediaRefusals() {
        return Stream.of(
                arguments("image without source", "{'type':'image'}", "messages.0.content.0.source: required"),
                arguments("base64 image without data",
                        "{'type':'image','source':{'type':'base64','media_type':'image/png'}}",
                        "messages.0.content.0.source.data: required"),
                arguments("base64 image without media type", "{'type':'image','source':{'type':'base64','data':'AA'}}",
                        "messages.0.content.0.source.media_type: required"),
                arguments("URL image without url", "{'type':'image','source':{'type':'url'}}",
                        "messages.0.content.0.source.url: required"),
                arguments("image from the Files API", "{'type':'image','source':{'type':'file','file_id':'f'}}",
                        "messages.0.content.0.source.type: unsupported image source 'file' (expected base64 or url)"),
                arguments("PDF by URL where PDFs are allowed",
                        "{'type':'document','source':{'type':'url','url':'https://x/a.pdf'}}",
                        "messages.0.content.0.source.type: "
                        + "a PDF given by URL can't be forwarded; send it as a base64 source"),
                arguments("base64 PDF without data",
                        "{'type':'document','source':{'type':'base64','media_type':'application/pdf'}}",
                        "messages.0.content.0.source.data: required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mediaRefusals")
    void checksMediaWhereTheUpstreamTakesIt(String description, String block, String message) {
        GatewayException refusal = refusal(WITH_MEDIA, body(user("[" + block + "]")));

        assertThat(refusal.kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
        assertThat(refusal).hasMessage(message);
    }

    @Test
    void imagesInsideToolResultsAreNotRefusedWhereImagesAreNot() throws JsonProcessingException {
        MessagesRequest request = parse(body(HI + "," + CALL + "," + resultWith(PNG)));

        assertThat(new AnthropicToOpenAi(DEEPSEEK).convert(request).messages()).hasSize(3);
    }

    @Test
    void withImagesAllowedAnImageIsConverted() throws JsonProcessingException {
        assertThat(new AnthropicToOpenAi(WITH_IMAGES).convert(parse(body(user("[" + PNG + "]")))).messages())
                .hasSize(1);
    }

    @Test
    void aNullBodyIsRefusedToo() {
        assertThatThrownBy(() -> new AnthropicToOpenAi(DEEPSEEK).convert(null))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_REQUEST))
                .hasMessage("body: a JSON object is required");
    }

    @Test
    void tokenCountingNeedsNoMaxTokensButStillValidates() throws JsonProcessingException {
        AnthropicToOpenAi converter = new AnthropicToOpenAi(DEEPSEEK);

        assertThat(converter.convertForTokenCount(parse("{'model':'claude-opus-4','messages':[" + HI + "]}"))
                .maxTokens()).isNull();
        assertThatThrownBy(() -> converter.convertForTokenCount(
                parse("{'model':'m','max_tokens':0,'messages':[" + HI + "]}")))
                .hasMessage("max_tokens: must be at least 1, got 0");
        assertThatThrownBy(() -> converter.convertForTokenCount(parse("{'model':'m','messages':[" + user("[]") + "]}")))
                .hasMessage("messages.0.content: must not be empty");
    }

    private static GatewayException refusal(ConversionSettings settings, String body) {
        MessagesRequest request;
        try {
            request = parse(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("test body does not parse: " + json(body), e);
        }
        GatewayException refusal = catchThrowableOfType(GatewayException.class,
                () -> new AnthropicToOpenAi(settings).convert(request));
        assertThat(refusal).as("refusal of %s", json(body)).isNotNull();
        return refusal;
    }

    private static MessagesRequest parse(String body) throws JsonProcessingException {
        return AnthropicToOpenAiGoldenTest.MAPPER.readValue(json(body), MessagesRequest.class);
    }

    private static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    private static String body(String messages) {
        return "{'model':'claude-sonnet-4-5','max_tokens':100,'messages':[" + messages + "]}";
    }

    private static String withTools(String toolChoice) {
        return "{'model':'m','max_tokens':10,'messages':[" + HI + "],'tool_choice':" + toolChoice
                + ",'tools':[{'name':'lookup','input_schema':{'type':'object'}},"
                + "{'type':'web_search_20250305','name':'web_search'}]}";
    }

    private static String user(String content) {
        return "{'role':'user','content':" + content + "}";
    }

    private static String assistant(String content) {
        return "{'role':'assistant','content':" + content + "}";
    }

    private static String resultBlock(String id) {
        return "{'type':'tool_result','tool_use_id':'" + id + "','content':'r'}";
    }

    private static String result(String id) {
        return user("[" + resultBlock(id) + "]");
    }

    private static String resultWith(String blocks) {
        return user("[{'type':'tool_result','tool_use_id':'toolu_1','content':[" + blocks + "]}]");
    }
}
