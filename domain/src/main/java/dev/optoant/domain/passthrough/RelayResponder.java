package dev.optoant.domain.passthrough;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Inbound side of a relay: how the HTTP adapter lets the service answer its caller. */
public interface RelayResponder {

    /** Sets status and headers and returns the stream the body is written to; write failures mean the client left. */
    OutputStream start(int status, List<Header> headers) throws IOException;
}
