package dev.optoant.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.core.LayoutBase;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Lines reach the output whole and in order; a full queue drops and counts instead of blocking; stop flushes. */
class BatchedLinesAppenderTest {
    private static final LayoutBase<String> LINE = new LayoutBase<>() {
        @Override
        public String doLayout(String event) {
            return event + "\n";
        }
    };

    @Test
    void writesEveryLineInOrder() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BatchedLinesAppender<String> appender = new BatchedLinesAppender<>(LINE, out, 10_000, Duration.ofMillis(1));
        appender.start();
        IntStream.range(0, 5_000).forEach(i -> appender.doAppend("line " + i));
        appender.stop();
        assertThat(out.toString(StandardCharsets.UTF_8).lines())
                .containsExactlyElementsOf(IntStream.range(0, 5_000).mapToObj(i -> "line " + i).toList());
        assertThat(appender.dropped()).isZero();
    }

    @Test
    void aFullQueueDropsTheLineAndCountsIt() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BatchedLinesAppender<String> appender = new BatchedLinesAppender<>(LINE, out, 2, Duration.ofHours(1));
        appender.start();
        appender.doAppend("a");
        appender.doAppend("b");
        appender.doAppend("c");
        assertThat(appender.dropped()).isEqualTo(1);
        appender.stop();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("a\nb\n");
    }
}
