package dev.optoant.domain.convert;

import dev.optoant.domain.anthropic.StreamEvent;
import dev.optoant.domain.port.EventSink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** An {@link EventSink} that keeps every event; optionally fails from the n-th send on, like a client that left. */
final class StreamEventRecorder implements EventSink {
    final List<StreamEvent> events = new ArrayList<>();
    private final int failFromSend;
    private int sends;

    StreamEventRecorder() {
        this(Integer.MAX_VALUE);
    }

    StreamEventRecorder(int failFromSend) {
        this.failFromSend = failFromSend;
    }

    @Override
    public void send(StreamEvent event) throws IOException {
        if (++sends >= failFromSend) {
            throw new IOException("client went away");
        }
        events.add(event);
    }

    List<String> types() {
        return events.stream().map(StreamEvent::type).toList();
    }
}
