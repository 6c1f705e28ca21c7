package dev.optoant.persistence;

import dev.optoant.domain.log.RequestLogReader;
import dev.optoant.domain.log.RequestLogStore;
import dev.optoant.domain.log.RequestLogUsageReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract against the real write path: {@link BatchingRequestLogWriter} into {@link PostgresRequestLogStore}. */
class PostgresRequestLogStoreContractTest extends RequestLogStoreContract {
    @RegisterExtension
    static final EmbeddedPostgresExtension DB = new EmbeddedPostgresExtension();

    private PostgresRequestLogStore postgres;
    private BatchingRequestLogWriter writer;

    @BeforeAll
    static void partitionsAroundTheTestData() {
        // Daily partitions for the test days; rows outside them (the day before) go to the default partition.
        Clock dayOfTestData = Clock.fixed(TestEntries.BASE, ZoneOffset.UTC);
        new RequestLogPartitions(DB.jdbi(), dayOfTestData, 2, 0).maintain();
    }

    @BeforeEach
    void start() throws IOException {
        DB.truncate();
        postgres = new PostgresRequestLogStore(DB.jdbi());
        Path journal = Files.createTempDirectory("optoant-journal-");
        writer = new BatchingRequestLogWriter(postgres, new RequestLogSettings(10_000, 500, Duration.ofMillis(20),
                journal, 1 << 20, 0, true, 1 << 20)).start();
    }

    @AfterEach
    void stop() {
        writer.close();
    }

    @Override
    protected RequestLogStore store() {
        return writer;
    }

    @Override
    protected RequestLogReader reader() {
        return postgres;
    }

    @Override
    protected RequestLogUsageReader usage() {
        return postgres;
    }
}
