package dev.optoant.app;

import dev.optoant.domain.log.RequestLogEntry;
import dev.optoant.persistence.RequestLogBatchSink;
import dev.optoant.persistence.RequestLogMigrations;
import dev.optoant.persistence.RequestLogPartitions;
import dev.optoant.persistence.RequestLogSettings;
import java.util.List;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the schema and today's partitions exist before the first insert. A database that is down at start-up
 * is prepared later, on the first batch that reaches it; until then batches fail and go to the spill journal.
 */
final class PreparedSink implements RequestLogBatchSink {
    private static final Logger LOG = LoggerFactory.getLogger(PreparedSink.class);

    private final DataSource dataSource;
    private final RequestLogPartitions partitions;
    private final RequestLogBatchSink target;
    private volatile boolean prepared;

    PreparedSink(DataSource dataSource, Jdbi jdbi, RequestLogSettings settings, RequestLogBatchSink target) {
        this.dataSource = dataSource;
        this.partitions = new RequestLogPartitions(jdbi, settings);
        this.target = target;
    }

    @Override
    public void insertBatch(List<RequestLogEntry> entries) {
        if (!prepared) {
            prepare();
        }
        target.insertBatch(entries);
    }

    /** At start-up: prepare now if the database is there, otherwise say so and carry on. */
    void prepareQuietly() {
        try {
            prepare();
        } catch (RuntimeException e) {
            LOG.warn("Request-log database not ready ({}); entries are journaled until it is", e.getMessage());
        }
    }

    /** Creates upcoming partitions and drops those past retention; run periodically. */
    void maintainQuietly() {
        try {
            if (prepared) {
                partitions.maintain();
            }
        } catch (RuntimeException e) {
            LOG.warn("Request-log partition maintenance failed: {}", e.getMessage());
        }
    }

    private synchronized void prepare() {
        if (prepared) {
            return;
        }
        RequestLogMigrations.migrate(dataSource);
        partitions.maintain();
        prepared = true;
    }
}
