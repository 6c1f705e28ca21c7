package dev.optoant.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optoant.domain.error.ErrorKind;
import dev.optoant.domain.error.GatewayException;
import dev.optoant.domain.openai.ChatCompletionRequest;
import dev.optoant.domain.openai.ChatMessage;
import dev.optoant.domain.openai.MessageContent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Calls made after a shutdown's cut closed the pool (a request that was waiting to retry, say) fail as the gateway's
 * own upstream error, not with the pool's IllegalStateException, which would reach the client as a bare 500.
 */
class UpstreamAfterAbortAllTest {
    private static final ChatCompletionRequest REQUEST = new ChatCompletionRequest("deepseek-chat",
            List.of(ChatMessage.user(new MessageContent.Text("Hi"))), 100, null, null, null, null, null, null, null,
            null, null, null, null);

    @Test
    void bothAdaptersAnswerAGatewayErrorOnceThePoolIsClosed() throws Exception {
        try (EchoUpstream server = new EchoUpstream()) {
            UpstreamConnections connections = UpstreamConnections.open(new UpstreamSettings(server.baseUrl(),
                    Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2), 4));
            try (connections) {
                HttpPassthroughUpstream passthrough = new HttpPassthroughUpstream(connections.client(), server.baseUrl());
                HttpChatUpstream chat = new HttpChatUpstream(connections.client(), server.baseUrl(), 1024);

                connections.abortAll();

                assertThatThrownBy(() -> passthrough.send(UpstreamTestSupport.get("/v1/models")))
                        .isInstanceOfSatisfying(GatewayException.class,
                                e -> assertThat(e.kind()).isEqualTo(ErrorKind.OVERLOADED));
                assertThatThrownBy(() -> chat.complete(REQUEST, "sk-1"))
                        .isInstanceOfSatisfying(GatewayException.class,
                                e -> assertThat(e.kind()).isEqualTo(ErrorKind.OVERLOADED));
                assertThatThrownBy(() -> chat.stream(REQUEST, "sk-1"))
                        .isInstanceOfSatisfying(GatewayException.class,
                                e -> assertThat(e.kind()).isEqualTo(ErrorKind.OVERLOADED));
                assertThat(server.received).isEmpty();
            }
        }
    }
}
