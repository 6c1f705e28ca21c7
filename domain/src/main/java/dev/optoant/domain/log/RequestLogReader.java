package dev.optoant.domain.log;

import java.util.List;

/** Outbound port: reads the request log back, for the admin API and for tests. */
public interface RequestLogReader {

    /** Entries matching the filter, newest first, at most {@code filter.limit()}. */
    List<RequestLogEntry> find(RequestLogFilter filter);
}
