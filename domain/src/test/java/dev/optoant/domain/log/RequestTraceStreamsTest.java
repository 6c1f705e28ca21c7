package dev.optoant.domain.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestTraceStreamsTest {
    private final List<String> calls = new ArrayList<>();
    private final StreamsInFlight recording = new StreamsInFlight() {
        @Override
        public void opened(String api) {
            calls.add("opened " + api);
        }

        @Override
        public void closed(String api) {
            calls.add("closed " + api);
        }
    };

    private RequestTrace trace() {
        return new RequestTrace("anthropic", "POST", "/anthropic/v1/messages", null, null, recording);
    }

    @Test
    void aStreamOpensOnceAndClosesWhenTheRequestFinishes() {
        RequestTrace trace = trace();
        trace.requested("claude-x", true);
        trace.requested("claude-x", true);
        assertThat(calls).containsExactly("opened anthropic");

        trace.finish(200);
        trace.finish(200);

        assertThat(calls).containsExactly("opened anthropic", "closed anthropic");
    }

    @Test
    void aRequestThatIsNoStreamSignalsNothing() {
        RequestTrace trace = trace();
        trace.requested("claude-x", false);
        trace.finish(400);

        assertThat(calls).isEmpty();
    }
}
