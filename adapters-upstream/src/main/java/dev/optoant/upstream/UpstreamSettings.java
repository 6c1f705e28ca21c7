package dev.optoant.upstream;

import java.net.URI;
import java.time.Duration;

/**
 * How to reach the OpenAI-compatible upstream.
 *
 * @param baseUrl scheme, host and optional base path, e.g. {@code https://api.deepseek.com} or {@code http://h/v1}
 * @param connectTimeout limit for opening a TCP (and TLS) connection
 * @param firstByteTimeout limit for the response headers to start arriving once the request is sent
 * @param idleTimeout limit for silence between two chunks of a response body
 * @param maxConnections size of the connection pool
 */
public record UpstreamSettings(
        URI baseUrl, Duration connectTimeout, Duration firstByteTimeout, Duration idleTimeout, int maxConnections) {
}
