package dev.optoant.persistence;

import dev.optoant.domain.log.RequestLogEntry;
import java.sql.SQLException;
import java.util.List;

/** A way of writing one batch of request-log rows, under measurement. */
interface BatchMethod {
    void insert(List<RequestLogEntry> batch) throws SQLException;
}
