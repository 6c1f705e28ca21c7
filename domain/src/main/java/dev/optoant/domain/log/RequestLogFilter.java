package dev.optoant.domain.log;

import java.time.Instant;
import java.util.UUID;

/**
 * What to list from the request log; null fields don't filter. Results come newest first; {@code before} is the
 * keyset cursor (the last id of the previous page).
 */
public record RequestLogFilter(
        Instant from,
        Instant to,
        String api,
        String model,
        Integer status,
        boolean errorsOnly,
        UUID before,
        int limit) {
}
