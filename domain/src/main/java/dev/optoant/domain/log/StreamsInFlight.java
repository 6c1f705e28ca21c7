package dev.optoant.domain.log;

/**
 * Outbound port: told when a request turns out to be a stream and when that request ends, so streams in flight can
 * be counted. Called on the request path: must return at once, never throw, and never allocate per call.
 */
public interface StreamsInFlight {
    StreamsInFlight NONE = new StreamsInFlight() {
        @Override
        public void opened(String api) {
        }

        @Override
        public void closed(String api) {
        }
    };

    /** A request of this API asked for a stream; {@link #closed} follows exactly once when the request ends. */
    void opened(String api);

    void closed(String api);
}
