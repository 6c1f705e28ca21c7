package dev.optoant.upstream;

import static dev.optoant.upstream.RawUpstream.readRequestHead;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** {@link RawUpstream} turns a broken handler into a test failure carrying the handler's exception. */
class RawUpstreamTest {
    private static final byte[] HEAD = "GET /v1/x HTTP/1.1\r\nHost: upstream\r\n\r\n".getBytes(ISO_8859_1);

    @Test
    void waitingOnTheHandlerFailsAtOnceWithTheExceptionItThrew() throws Exception {
        RawUpstream server = RawUpstream.start(socket -> {
            readRequestHead(socket.getInputStream());
            throw new IllegalStateException("the stub is broken");
        });
        try (Socket client = connect(server)) {
            client.getOutputStream().write(HEAD);

            assertThatThrownBy(() -> server.await(new CompletableFuture<>()))
                    .isInstanceOf(AssertionError.class)
                    .cause().isInstanceOf(IllegalStateException.class).hasMessage("the stub is broken");
        }
        assertThatCode(server::close).as("reported once").doesNotThrowAnyException();
    }

    @Test
    void closeFailsWithTheExceptionAHandlerThrew() throws Exception {
        RawUpstream server = RawUpstream.start(socket -> {
            throw new IllegalStateException("the stub is broken");
        });
        try (Socket client = connect(server)) {
            assertThat(client.getInputStream().read()).as("the failed handler's connection is closed").isEqualTo(-1);
        }

        assertThatThrownBy(server::close)
                .isInstanceOf(AssertionError.class)
                .cause().isInstanceOf(IllegalStateException.class).hasMessage("the stub is broken");
    }

    @Test
    void theClientHangingUpOnAHandlerIsAFailureUnlessTheStubAllowsIt() throws Exception {
        RawUpstream strict = RawUpstream.start(socket -> readRequestHead(socket.getInputStream()));
        connect(strict).close();

        assertThatThrownBy(() -> strict.await(new CompletableFuture<>()))
                .cause().isInstanceOf(IOException.class)
                .hasMessageContaining("connection closed inside the request head");
        strict.close();

        CompletableFuture<Void> handlerEnded = new CompletableFuture<>();
        RawUpstream allowing = RawUpstream.startAllowingHangUps(socket -> {
            try {
                readRequestHead(socket.getInputStream());
            } finally {
                handlerEnded.complete(null);
            }
        });
        connect(allowing).close();

        allowing.await(handlerEnded);
        assertThatCode(allowing::close).doesNotThrowAnyException();
    }

    @Test
    void closingTheStubUnderAHandlerBlockedOnItsSocketIsNoFailure() throws Exception {
        CompletableFuture<Void> reading = new CompletableFuture<>();
        RawUpstream server = RawUpstream.start(socket -> {
            reading.complete(null);
            readRequestHead(socket.getInputStream());
        });
        try (Socket client = connect(server)) {
            server.await(reading);

            assertThatCode(server::close).doesNotThrowAnyException();
        }
    }

    @Test
    void closingTheStubUnderAHandlerWaitingForTheTestIsNoFailure() throws Exception {
        CompletableFuture<Void> waiting = new CompletableFuture<>();
        CountDownLatch neverReleased = new CountDownLatch(1);
        RawUpstream server = RawUpstream.start(socket -> {
            waiting.complete(null);
            neverReleased.await();
        });
        try (Socket client = connect(server)) {
            server.await(waiting);

            assertThatCode(server::close).doesNotThrowAnyException();
        }
    }

    private static Socket connect(RawUpstream server) throws IOException {
        return new Socket(server.baseUrl().getHost(), server.baseUrl().getPort());
    }
}
