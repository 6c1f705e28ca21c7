package dev.optoant.persistence;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A PostgreSQL connection string as libpq users write it ({@code postgres://user:pass@host:5432/db?sslmode=disable}
 * or {@code host=h port=5432 dbname=db user=u}), turned into what the JDBC driver takes.
 *
 * @param jdbcUrl {@code jdbc:postgresql://...} with the libpq parameters the driver understands
 * @param user the role, if given
 * @param password the password, if given; never part of {@link #toString()}
 */
public record PostgresDsn(String jdbcUrl, Optional<String> user, Optional<String> password) {
    private static final Pattern KEYWORD = Pattern.compile("[a-z_]+");
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&]password=)[^&]*");

    /** Parses either libpq form; throws {@link IllegalArgumentException} with a reason that names no secret. */
    public static PostgresDsn parse(String dsn) {
        String text = dsn == null ? "" : dsn.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("is empty");
        }
        if (text.startsWith("postgres://") || text.startsWith("postgresql://")) {
            return fromUrl(text);
        }
        if (text.startsWith("jdbc:postgresql:")) {
            return new PostgresDsn(text, Optional.empty(), Optional.empty());
        }
        if (text.contains("=")) {
            return fromKeywords(text);
        }
        throw new IllegalArgumentException(
                "must be a URL such as postgres://user:pass@host:5432/db or keywords such as 'host=h dbname=db'");
    }

    private static PostgresDsn fromUrl(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a valid URL (check that special characters in the password"
                    + " are percent-encoded)");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("names no host");
        }
        Map<String, String> params = new LinkedHashMap<>();
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            user = Optional.of(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            if (colon >= 0) {
                password = Optional.of(decode(userInfo.substring(colon + 1)));
            }
        }
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                switch (key) {
                    case "user" -> user = Optional.of(value);
                    case "password" -> password = Optional.of(value);
                    default -> params.put(key, value);
                }
            }
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String database = path.startsWith("/") ? decode(path.substring(1)) : decode(path);
        int port = uri.getPort() > 0 ? uri.getPort() : 5432;
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return new PostgresDsn(jdbc(hostPart, port, database, params), user, password);
    }

    private static PostgresDsn fromKeywords(String text) {
        Map<String, String> values = parseKeywords(text);
        String host = values.remove("host");
        String port = values.remove("port");
        String database = values.remove("dbname");
        Optional<String> user = Optional.ofNullable(values.remove("user"));
        Optional<String> password = Optional.ofNullable(values.remove("password"));
        int portNumber;
        try {
            portNumber = port == null ? 5432 : Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("has a port that is not a number");
        }
        return new PostgresDsn(jdbc(host == null ? "localhost" : host, portNumber,
                database == null ? user.orElse("") : database, values), user, password);
    }

    // libpq's conninfo grammar: key = value pairs split by whitespace; a value is either bare (ends at whitespace)
    // or single-quoted, and a backslash escapes the next character in both.
    private static Map<String, String> parseKeywords(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        int i = skipSpace(text, 0);
        while (i < text.length()) {
            int keyStart = i;
            while (i < text.length() && text.charAt(i) != '=' && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            String key = text.substring(keyStart, i);
            i = skipSpace(text, i);
            if (i == text.length() || text.charAt(i) != '=') {
                throw new IllegalArgumentException("has a keyword without a value");
            }
            if (!KEYWORD.matcher(key).matches()) {
                throw new IllegalArgumentException("has an invalid keyword name (expected libpq keywords such as"
                        + " host, port, dbname, user, password, sslmode)");
            }
            i = skipSpace(text, i + 1);
            boolean quoted = i < text.length() && text.charAt(i) == '\'';
            if (quoted) {
                i++;
            }
            StringBuilder value = new StringBuilder();
            while (true) {
                if (i == text.length()) {
                    if (quoted) {
                        throw new IllegalArgumentException("has an unterminated quote");
                    }
                    break;
                }
                char c = text.charAt(i++);
                if (quoted ? c == '\'' : Character.isWhitespace(c)) {
                    break;
                }
                if (c == '\\' && i < text.length()) {
                    c = text.charAt(i++);
                }
                value.append(c);
            }
            values.put(key, value.toString());
            i = skipSpace(text, i);
        }
        return values;
    }

    private static int skipSpace(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String jdbc(String host, int port, String database, Map<String, String> params) {
        StringBuilder url = new StringBuilder("jdbc:postgresql://").append(host).append(':').append(port)
                .append('/').append(encode(database));
        char separator = '?';
        for (Map.Entry<String, String> param : params.entrySet()) {
            String key = param.getKey();
            if (key.equals("connect_timeout")) {
                key = "connectTimeout";
            } else if (key.equals("application_name")) {
                key = "ApplicationName";
            }
            url.append(separator).append(encode(key)).append('=').append(encode(param.getValue()));
            separator = '&';
        }
        return url.toString();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        String shownUrl = PASSWORD_PARAMETER.matcher(jdbcUrl).replaceAll("$1***");
        return "PostgresDsn[" + shownUrl + ", user=" + user.orElse("") + ", password=" + (password.isPresent() ? "***" : "") + "]";
    }
}
