package org.careloop.web;

import java.util.function.Supplier;
import org.apache.camel.Exchange;

/**
 * {@code GET /metrics}: the Prometheus scrape (text format 0.0.4) of CareLoop's and Camel's meters,
 * open without login like /health, for a scraper inside the operator's network.
 */
public final class MetricsEndpoint {

    /** Prometheus' text exposition format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Supplier<String> scrape;

    public MetricsEndpoint(Supplier<String> scrape) {
        this.scrape = scrape;
    }

    public void scrape(Exchange ex) {
        WebEndpoints.json(ex, ApiResponse.document(CONTENT_TYPE, null, scrape.get()));
    }
}
