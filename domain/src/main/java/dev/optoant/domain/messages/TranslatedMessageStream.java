package dev.optoant.domain.messages;

import dev.optoant.domain.convert.StreamTranslator;
import dev.optoant.domain.log.RequestTrace;
import dev.optoant.domain.resilience.ConcurrencyLimit;
import dev.optoant.domain.port.ChunkStream;
import dev.optoant.domain.port.EventSink;
import java.io.IOException;
import java.util.concurrent.ScheduledFuture;

/** The relay loop of a streamed answer: upstream SSE items in, Anthropic events out, pings during silences. */
final class TranslatedMessageStream implements MessageStream {
    private final ChunkStream chunks;
    private final String messageId;
    private final String requestedModel;
    private final long inputTokensEstimate;
    private final Heartbeat heartbeat;
    private final RequestTrace trace;
    private final ConcurrencyLimit.Permit streamSlot;

    TranslatedMessageStream(ChunkStream chunks, String messageId, String requestedModel, long inputTokensEstimate,
            Heartbeat heartbeat, RequestTrace trace, ConcurrencyLimit.Permit streamSlot) {
        this.trace = trace;
        this.streamSlot = streamSlot;
        this.chunks = chunks;
        this.messageId = messageId;
        this.requestedModel = requestedModel;
        this.inputTokensEstimate = inputTokensEstimate;
        this.heartbeat = heartbeat;
    }

    @Override
    public void relayTo(EventSink client) throws IOException {
        GuardedSink sink = new GuardedSink(client);
        StreamTranslator translator = new StreamTranslator(messageId, requestedModel, inputTokensEstimate, sink);
        ScheduledFuture<?> pings = null;
        try {
            translator.start();
            sink.flush();
            pings = heartbeat.watch(sink);
            while (!translator.ended()) {
                ChunkStream.Item item;
                try {
                    item = chunks.next();
                } catch (IOException upstreamFailed) {
                    chunks.abort();
                    fail(translator, "Upstream stream failed: " + upstreamFailed.getMessage());
                    sink.flush();
                    return;
                }
                switch (item) {
                    case ChunkStream.Chunk chunk -> {
                        trace.usage(chunk.chunk().usage());
                        translator.onChunk(chunk.chunk());
                    }
                    case ChunkStream.KeepAlive keepAlive -> translator.onKeepAlive();
                    case ChunkStream.End end -> {
                        translator.finish();
                        // An overloaded finish ends in an error event the client sees, so the log records it too.
                        translator.failure().ifPresent(error -> trace.error(error.type(), error.message()));
                    }
                    case ChunkStream.Malformed malformed -> {
                        chunks.abort();
                        fail(translator, describe(malformed.data()));
                    }
                }
                // Events the upstream sent together go out together; a pause upstream pushes them to the client.
                if (translator.ended() || !chunks.hasBuffered()) {
                    sink.flush();
                }
            }
        } catch (IOException clientGone) {
            chunks.abort();
            trace.error("client_disconnected", "Client disconnected before the stream ended");
            throw clientGone;
        } finally {
            sink.close();
            if (pings != null) {
                pings.cancel(false);
            }
            chunks.close();
            close();
        }
    }

    private void fail(StreamTranslator translator, String message) throws IOException {
        trace.error("api_error", message);
        translator.fail("api_error", message);
    }

    private static String describe(String data) {
        String upstreamMessage = UpstreamErrors.extract(data);
        if (upstreamMessage.length() > 500) {
            upstreamMessage = upstreamMessage.substring(0, 500) + "…";
        }
        return "Upstream sent an error or an unreadable event mid-stream: " + upstreamMessage;
    }

    @Override
    public void close() {
        chunks.close();
        streamSlot.close();
    }
}
