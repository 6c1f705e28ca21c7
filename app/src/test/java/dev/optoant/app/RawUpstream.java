package dev.optoant.app;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An upstream that misbehaves at the socket level: reads the request head, writes fixed bytes, then hangs up.
 * Anything but an I/O error while serving a connection fails the test from {@link #close}, with it as the cause.
 */
final class RawUpstream implements AutoCloseable {
    private static final Duration STOP_LIMIT = Duration.ofSeconds(10);

    private final ServerSocket server;
    private final byte[] bytesBeforeHangingUp;
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private Socket current;

    RawUpstream(String bytesBeforeHangingUp) throws IOException {
        this.bytesBeforeHangingUp = bytesBeforeHangingUp.getBytes(StandardCharsets.UTF_8);
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofVirtual().start(this::acceptLoop);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                setCurrent(socket);
                HttpHeads.read(socket.getInputStream());
                socket.getOutputStream().write(bytesBeforeHangingUp);
                socket.getOutputStream().flush();
            } catch (IOException e) {
                // closed by the test, or the peer left (the readiness probe only connects): the next accept decides
            } catch (RuntimeException | Error e) {
                failures.add(e);
            }
        }
    }

    private synchronized void setCurrent(Socket socket) throws IOException {
        if (server.isClosed()) {
            socket.close();
        }
        current = socket;
    }

    /** Stops accepting and serving, then fails with the first exception that broke a connection, if any. */
    @Override
    public void close() throws IOException {
        synchronized (this) {
            server.close();
            if (current != null) {
                current.close();
            }
        }
        try {
            if (!acceptor.join(STOP_LIMIT)) {
                failures.add(new AssertionError("the raw upstream did not stop within " + STOP_LIMIT + " of close()"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the raw upstream", e);
        }
        if (!failures.isEmpty()) {
            AssertionError error = new AssertionError("the raw upstream failed serving a connection",
                    failures.getFirst());
            failures.stream().skip(1).forEach(error::addSuppressed);
            throw error;
        }
    }
}
