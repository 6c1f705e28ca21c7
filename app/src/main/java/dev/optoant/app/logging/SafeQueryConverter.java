package dev.optoant.app.logging;

import ch.qos.logback.access.common.pattern.AccessConverter;
import ch.qos.logback.access.common.spi.IAccessEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code %safeQuery}: the raw query string with a leading {@code ?}, or nothing; the values of parameters whose
 * names look like credentials ({@code key}, {@code api_key}, {@code access_token}, {@code signature}, ...) become
 * {@code ***}.
 */
public class SafeQueryConverter extends AccessConverter {
    private static final Pattern SECRET_NAME = Pattern.compile(
            "key|.*(api[-_.]?key|token|secret|passw|auth|sig|credential|session|code).*");

    @Override
    public String convert(IAccessEvent event) {
        return mask(event.getQueryString());
    }

    /** Masks a query given with or without its leading {@code ?} (logback-access keeps it). */
    static String mask(String query) {
        String bare = query == null || !query.startsWith("?") ? query : query.substring(1);
        if (bare == null || bare.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(bare.length() + 1).append('?');
        String[] pairs = bare.split("&", -1);
        for (int i = 0; i < pairs.length; i++) {
            if (i > 0) {
                out.append('&');
            }
            int equals = pairs[i].indexOf('=');
            String name = equals < 0 ? pairs[i] : pairs[i].substring(0, equals);
            if (equals >= 0 && looksSecret(name)) {
                out.append(name).append("=***");
            } else {
                out.append(pairs[i]);
            }
        }
        return out.toString();
    }

    private static boolean looksSecret(String rawName) {
        try {
            String name = URLDecoder.decode(rawName, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            return SECRET_NAME.matcher(name).matches();
        } catch (IllegalArgumentException undecodable) {
            return true;
        }
    }
}
