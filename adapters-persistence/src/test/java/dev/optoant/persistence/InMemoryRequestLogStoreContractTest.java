package dev.optoant.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optoant.domain.log.RequestLogReader;
import dev.optoant.domain.log.RequestLogStore;
import dev.optoant.domain.log.RequestLogUsageReader;
import org.junit.jupiter.api.Test;

/** The contract against {@link InMemoryRequestLogStore}, and its bound. */
class InMemoryRequestLogStoreContractTest extends RequestLogStoreContract {
    private final InMemoryRequestLogStore store = new InMemoryRequestLogStore(100_000);

    @Override
    protected RequestLogStore store() {
        return store;
    }

    @Override
    protected RequestLogReader reader() {
        return store;
    }

    @Override
    protected RequestLogUsageReader usage() {
        return store;
    }

    @Test
    void keepsOnlyTheNewestEntriesUpToItsCapacity() {
        InMemoryRequestLogStore small = new InMemoryRequestLogStore(10);
        var entries = TestEntries.many(25, TestEntries.BASE);

        entries.reversed().forEach(small::record);

        assertThat(small.size()).isEqualTo(10);
        assertThat(small.find(filter(null, null, null, null, null, false, null, 100)))
                .isEqualTo(entries.subList(15, 25).reversed());
    }
}
