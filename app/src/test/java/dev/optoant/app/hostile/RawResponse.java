package dev.optoant.app.hostile;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An HTTP/1.1 response as read off a raw socket: status, headers by lower-case name, and the decoded body. */
record RawResponse(int status, Map<String, List<String>> headers, String head, String body) {

    Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public String toString() {
        return head + "\n\n" + body;
    }
}
