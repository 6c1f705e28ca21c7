package dev.optoant.domain.passthrough;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Drops the headers that belong to one connection (RFC 9110 §7.6.1) plus those the relay sets itself. */
public final class HopByHopHeaders {
    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection", "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization",
            "te", "trailer", "transfer-encoding", "upgrade");

    private final Set<String> dropped;

    private HopByHopHeaders(Set<String> extraDropped) {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(HOP_BY_HOP);
        names.addAll(extraDropped);
        this.dropped = names;
    }

    /** A filter built once that drops the hop-by-hop fields and {@code extraDropped}. */
    public static HopByHopHeaders plus(Set<String> extraDropped) {
        return new HopByHopHeaders(extraDropped);
    }

    /** Headers to forward, without hop-by-hop fields, fields named by {@code Connection}, or {@code extraDropped}. */
    public static List<Header> strip(List<Header> headers, Set<String> extraDropped) {
        return plus(extraDropped).strip(headers);
    }

    /** Headers to forward, without this filter's fields or those named by {@code Connection}. */
    public List<Header> strip(List<Header> headers) {
        Set<String> named = null;
        for (Header header : headers) {
            if (header.is("connection")) {
                if (named == null) {
                    named = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
                }
                for (String token : header.value().split(",")) {
                    named.add(token.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        List<Header> kept = new ArrayList<>(headers.size());
        for (Header header : headers) {
            if (!dropped.contains(header.name()) && (named == null || !named.contains(header.name()))) {
                kept.add(header);
            }
        }
        return kept;
    }
}
