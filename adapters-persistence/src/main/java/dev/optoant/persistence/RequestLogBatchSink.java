package dev.optoant.persistence;

import dev.optoant.domain.log.RequestLogEntry;
import java.util.List;

/** Where {@link BatchingRequestLogWriter} puts its batches; inserting an entry that is already there keeps one copy. */
public interface RequestLogBatchSink {

    /** Stores every entry or throws; a throw after part of the batch was stored is fine, since retries are idempotent. */
    void insertBatch(List<RequestLogEntry> entries);
}
