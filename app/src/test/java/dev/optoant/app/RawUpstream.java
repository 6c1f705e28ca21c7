package dev.optoant.app;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** An upstream that misbehaves at the socket level: reads the request head, writes fixed bytes, then hangs up. */
final class RawUpstream implements AutoCloseable {
    private final ServerSocket server;

    RawUpstream(String bytesBeforeHangingUp) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    HttpHeads.read(socket.getInputStream());
                    socket.getOutputStream().write(bytesBeforeHangingUp.getBytes(StandardCharsets.UTF_8));
                    socket.getOutputStream().flush();
                } catch (IOException e) {
                    // closed by the test, or the peer left: either way the next accept decides
                }
            }
        });
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
