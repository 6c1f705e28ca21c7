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

    private HopByHopHeaders() {
    }

    /** Headers to forward, without hop-by-hop fields, fields named by {@code Connection}, or {@code extraDropped}. */
    public static List<Header> strip(List<Header> headers, Set<String> extraDropped) {
        Set<String> dropped = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        dropped.addAll(HOP_BY_HOP);
        dropped.addAll(extraDropped);
        for (Header header : headers) {
            if (header.is("connection")) {
                for (String token : header.value().split(",")) {
                    dropped.add(token.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        List<Header> kept = new ArrayList<>(headers.size());
        for (Header header : headers) {
            if (!dropped.contains(header.name())) {
                kept.add(header);
            }
        }
        return kept;
    }
}
