package dev.optoant.upstream;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolStats;

/** The upstream HTTP client together with its pool, whose occupancy operators and tests can watch. */
public final class UpstreamConnections implements AutoCloseable {
    private final PoolingHttpClientConnectionManager pool;
    private final CloseableHttpClient client;

    private UpstreamConnections(PoolingHttpClientConnectionManager pool, CloseableHttpClient client) {
        this.pool = pool;
        this.client = client;
    }

    public static UpstreamConnections open(UpstreamSettings settings) {
        PoolingHttpClientConnectionManager pool = UpstreamHttpClients.pool(settings);
        return new UpstreamConnections(pool, UpstreamHttpClients.create(settings, pool));
    }

    public CloseableHttpClient client() {
        return client;
    }

    /** Connections currently carrying a request. */
    public int leased() {
        return totals().getLeased();
    }

    /** Idle connections kept for reuse. */
    public int idle() {
        return totals().getAvailable();
    }

    /** Requests waiting for a connection because the pool is full. */
    public int pending() {
        return totals().getPending();
    }

    private PoolStats totals() {
        return pool.getTotalStats();
    }

    /**
     * Closes every connection now, those carrying a request included: their readers fail at once. For the end of a
     * shutdown's grace period; the client takes no new requests afterwards.
     */
    public void abortAll() {
        pool.close(CloseMode.IMMEDIATE);
    }

    @Override
    public void close() throws java.io.IOException {
        client.close();
    }
}
