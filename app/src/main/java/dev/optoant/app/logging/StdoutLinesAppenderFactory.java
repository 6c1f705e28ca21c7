package dev.optoant.app.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.spi.DeferredProcessingAware;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.dropwizard.logging.common.AbstractAppenderFactory;
import io.dropwizard.logging.common.async.AsyncAppenderFactory;
import io.dropwizard.logging.common.filter.FilterFactory;
import io.dropwizard.logging.common.filter.LevelFilterFactory;
import io.dropwizard.logging.common.layout.LayoutFactory;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * Appender {@code type: stdout-lines}, for the access log: each line is laid out on the request's thread (so the
 * event need not be copied for later) and written to stdout in batches by {@link BatchedLinesAppender}, instead of
 * Dropwizard's console appender with its asynchronous wrapper, which copies every event's headers, parameters and
 * attributes and wakes its worker once per request.
 */
@JsonTypeName("stdout-lines")
public class StdoutLinesAppenderFactory<E extends DeferredProcessingAware> extends AbstractAppenderFactory<E> {
    @Min(1)
    private int capacity = 65_536;
    private io.dropwizard.util.Duration interval = io.dropwizard.util.Duration.milliseconds(20);

    @JsonProperty
    public int getCapacity() {
        return capacity;
    }

    @JsonProperty
    public void setCapacity(int capacity) {
        this.capacity = capacity;
    }

    @JsonProperty
    public io.dropwizard.util.Duration getInterval() {
        return interval;
    }

    @JsonProperty
    public void setInterval(io.dropwizard.util.Duration interval) {
        this.interval = interval;
    }

    @Override
    public Appender<E> build(LoggerContext context, String applicationName, LayoutFactory<E> layoutFactory,
            LevelFilterFactory<E> levelFilterFactory, AsyncAppenderFactory<E> asyncAppenderFactory) {
        BatchedLinesAppender<E> appender = new BatchedLinesAppender<>(buildLayout(context, layoutFactory),
                System.out, capacity, Duration.ofNanos(interval.toNanoseconds()));
        appender.setName("stdout-lines");
        appender.setContext(context);
        appender.addFilter(levelFilterFactory.build(threshold));
        for (FilterFactory<E> filter : getFilterFactories()) {
            appender.addFilter(filter.build());
        }
        appender.start();
        return appender;
    }
}
