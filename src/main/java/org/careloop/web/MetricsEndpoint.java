package org.careloop.web;

import java.util.Optional;
import java.util.function.Supplier;
import org.apache.camel.Exchange;

/**
 * {@code GET /metrics}: the Prometheus scrape (text format 0.0.4) of CareLoop's and Camel's meters.
 * Open without login like /health, for a scraper inside the operator's network; with
 * {@code CARELOOP_METRICS_TOKEN} set, only a scraper that sends it as a bearer token is answered
 * (Prometheus' {@code authorization} setting), for a console reachable from outside.
 */
public final class MetricsEndpoint {

    /** Prometheus' text exposition format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Supplier<String> scrape;
    private final Optional<String> token;

    public MetricsEndpoint(Supplier<String> scrape, Optional<String> token) {
        this.scrape = scrape;
        this.token = token;
    }

    public void scrape(Exchange ex) {
        if (token.isPresent()) {
            String auth = Http.requestHeader(ex, "Authorization");
            String bearer = auth != null && auth.startsWith("Bearer ") ? auth.substring(7).trim() : null;
            if (bearer == null || !Sessions.same(token.get(), bearer)) {
                Http.answer(ex, ApiResponse.error(401, "Send Authorization: Bearer <CARELOOP_METRICS_TOKEN>")
                        .withHeader("WWW-Authenticate", "Bearer realm=\"metrics\""));
                return;
            }
        }
        Http.answer(ex, ApiResponse.document(CONTENT_TYPE, null, scrape.get()));
    }
}
