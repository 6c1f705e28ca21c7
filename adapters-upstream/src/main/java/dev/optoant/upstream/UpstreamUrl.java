package dev.optoant.upstream;

import java.net.URI;

/** Joins the configured base URL and a client's raw path and query without doubling or losing segments. */
public final class UpstreamUrl {
    private final String origin;
    private final String basePath;
    private final String baseLastSegment;

    public UpstreamUrl(URI baseUrl) {
        String scheme = baseUrl.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || baseUrl.getRawAuthority() == null) {
            throw new IllegalArgumentException("must be an absolute http(s) URL, got '" + baseUrl + "'");
        }
        // HttpClient 5 refuses URIs with userinfo, and the origin would put the password into error bodies.
        if (baseUrl.getRawUserInfo() != null) {
            throw new IllegalArgumentException("must not carry credentials (user:password@); configure the API key");
        }
        if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("must not carry a query or fragment, got '" + baseUrl + "'");
        }
        this.origin = scheme + "://" + baseUrl.getRawAuthority();
        String path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        this.basePath = path;
        this.baseLastSegment = path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * The upstream URL for a client path such as {@code /v1/chat/completions}. When the base path already ends
     * with the path's first segment ({@code https://h/v1} + {@code /v1/models}) that segment is not repeated.
     */
    public String resolve(String rawPath, String rawQuery) {
        String path = rawPath;
        if (!baseLastSegment.isEmpty()) {
            String overlap = "/" + baseLastSegment;
            if (path.equals(overlap) || path.startsWith(overlap + "/")) {
                path = path.substring(overlap.length());
            }
        }
        StringBuilder url = new StringBuilder(origin.length() + basePath.length() + path.length() + 16)
                .append(origin).append(basePath).append(path);
        if (url.length() == origin.length()) {
            url.append('/');
        }
        if (rawQuery != null && !rawQuery.isEmpty()) {
            url.append('?').append(rawQuery);
        }
        return url.toString();
    }

    public String origin() {
        return origin;
    }
}
