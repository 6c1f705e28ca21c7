package dev.optoant.app;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Label values drawn from an open set (model names and error types clients can make up), kept to a bounded number
 * of series: the preset values, then the first {@code maxLearned} other well-formed values seen; the rest fold into
 * {@value #OTHER}, a missing value is {@value #NONE}.
 */
final class BoundedLabels {
    static final String NONE = "none";
    static final String OTHER = "other";
    static final int MAX_LENGTH = 64;

    private final ConcurrentHashMap<String, String> admitted = new ConcurrentHashMap<>();
    private final AtomicInteger learned = new AtomicInteger();
    private final int maxLearned;

    BoundedLabels(Collection<String> preset, int maxLearned) {
        this.maxLearned = maxLearned;
        for (String value : preset) {
            if (wellFormed(value)) {
                admitted.put(value, value);
            }
        }
    }

    /** The label for a value: itself when admitted (or admissible now), else {@value #OTHER} or {@value #NONE}. */
    String of(String value) {
        if (value == null || value.isEmpty()) {
            return NONE;
        }
        String known = admitted.get(value);
        if (known != null) {
            return known;
        }
        if (!wellFormed(value) || learned.get() >= maxLearned) {
            return OTHER;
        }
        if (learned.incrementAndGet() > maxLearned) {
            learned.decrementAndGet();
            return OTHER;
        }
        String raced = admitted.putIfAbsent(value, value);
        if (raced != null) {
            learned.decrementAndGet();
            return raced;
        }
        return value;
    }

    /** Short, and only characters model names and error types use; anything else never becomes a label. */
    static boolean wellFormed(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH
                || value.equals(NONE) || value.equals(OTHER)) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == ':' || c == '/' || c == '@' || c == '+';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
