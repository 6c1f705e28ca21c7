package dev.optoant.domain.log;

/** Outbound port: takes one finished request's entry. Must return at once and never throw on the request path. */
public interface RequestLogStore {

    void record(RequestLogEntry entry);
}
