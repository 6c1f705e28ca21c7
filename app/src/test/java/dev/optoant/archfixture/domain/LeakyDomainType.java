package dev.optoant.archfixture.domain;

import org.apache.hc.core5.http.message.BasicHeader;

/** Deliberately broken fixture: a "domain" class that depends on an HTTP library. */
public final class LeakyDomainType {
    public String header() {
        return new BasicHeader("a", "b").getValue();
    }
}
