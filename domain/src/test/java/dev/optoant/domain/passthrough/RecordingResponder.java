package dev.optoant.domain.passthrough;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Test {@link RelayResponder} that records the status and headers and hands out a given output stream. */
final class RecordingResponder implements RelayResponder {
    private final RecordingOutputStream out;
    private final IOException startFailure;
    int status = -1;
    List<Header> headers;

    RecordingResponder() {
        this(new RecordingOutputStream(), null);
    }

    RecordingResponder(RecordingOutputStream out) {
        this(out, null);
    }

    private RecordingResponder(RecordingOutputStream out, IOException startFailure) {
        this.out = out;
        this.startFailure = startFailure;
    }

    static RecordingResponder failingOnStart() {
        return new RecordingResponder(new RecordingOutputStream(), new IOException("client closed the connection"));
    }

    @Override
    public OutputStream start(int status, List<Header> headers) throws IOException {
        if (startFailure != null) {
            throw startFailure;
        }
        this.status = status;
        this.headers = headers;
        return out;
    }

    boolean started() {
        return status >= 0;
    }

    RecordingOutputStream out() {
        return out;
    }
}
