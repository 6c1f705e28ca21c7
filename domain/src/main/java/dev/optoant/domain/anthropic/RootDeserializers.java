package dev.optoant.domain.anthropic;

import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * The root deserializers a custom deserializer delegates to, found once per deserialization configuration:
 * {@link DeserializationContext#readValue} finds them again on every call, introspecting their annotations each time.
 */
final class RootDeserializers {
    private final int slots;
    private volatile Found found;

    RootDeserializers(int slots) {
        this.slots = slots;
    }

    /**
     * The deserializer {@code context.readValue} would use for the type in {@code slot}, or null when it has none (the
     * caller then goes through {@code readValue}, which reports that).
     */
    JsonDeserializer<Object> get(DeserializationContext context, int slot, Function<DeserializationContext, JavaType> type)
            throws JsonMappingException {
        Found current = found;
        if (current == null || current.config != context.getConfig()) {
            current = new Found(context.getConfig(), new AtomicReferenceArray<>(slots));
            found = current;
        }
        JsonDeserializer<Object> deserializer = current.deserializers.get(slot);
        if (deserializer == null) {
            deserializer = context.findRootValueDeserializer(type.apply(context));
            if (deserializer != null) {
                current.deserializers.set(slot, deserializer);
            }
        }
        return deserializer;
    }

    private record Found(DeserializationConfig config, AtomicReferenceArray<JsonDeserializer<Object>> deserializers) {
    }
}
