package dev.optoant.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An upstream that refuses connections: 502 in OpenAI's shape, seen by the SDK as a typed error; health is red. */
@ExtendWith(DropwizardExtensionsSupport.class)
class UnreachableUpstreamTest {
    private static final DropwizardAppExtension<OptoantConfiguration> APP = new DropwizardAppExtension<>(
            OptoantApplication.class, GatewayTestSupport.CONFIG,
            GatewayTestSupport.overrides("http://127.0.0.1:" + closedPort() + "/v1"));

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void sdkSeesA502WithTheGatewayMessage() {
        var client = OpenAIOkHttpClient.builder().baseUrl("http://localhost:" + APP.getLocalPort() + "/v1")
                .apiKey("sk-x").maxRetries(0).build();

        assertThatThrownBy(() -> client.chat().completions().create(
                ChatCompletionCreateParams.builder().model("m").addUserMessage("Hi").build()))
                .isInstanceOfSatisfying(OpenAIServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(502);
                    assertThat(e.getMessage()).contains("unreachable");
                });
    }

    @Test
    void adminHealthCheckReportsTheUpstreamDown() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + APP.getAdminPort() + "/healthcheck")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("\"upstream\":{\"healthy\":false");
    }
}
