package dev.optoant.app;

import dev.optoant.domain.log.RequestLogEntry;
import dev.optoant.domain.log.RequestLogStore;

/** Records each finished request's metrics, then hands the entry on to the request log (or to nothing). */
final class MeteredRequestLogStore implements RequestLogStore {
    private final RequestLogStore log;
    private final RequestMeters meters;

    MeteredRequestLogStore(RequestLogStore log, RequestMeters meters) {
        this.log = log;
        this.meters = meters;
    }

    @Override
    public void record(RequestLogEntry entry) {
        try {
            meters.record(entry);
        } finally {
            log.record(entry);
        }
    }
}
