package dev.optoant.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import io.dropwizard.validation.MinDataSize;

/** The {@code limits:} section: bounds on what a client may send. */
public class LimitsConfig {
    @MinDataSize(1)
    @JsonProperty
    private DataSize maxRequestBody = DataSize.mebibytes(32);

    public long maxRequestBodyBytes() {
        return maxRequestBody.toBytes();
    }
}
