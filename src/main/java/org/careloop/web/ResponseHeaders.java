package org.careloop.web;

import org.apache.camel.http.base.HttpHeaderFilterStrategy;

/**
 * Camel's HTTP header filter for the console and the customer's pages, letting Cache-Control out:
 * pages and answers with private data say {@code no-store}, which Camel's default filter drops.
 * Set on the platform-http component in {@code routes/console.yaml}.
 */
public final class ResponseHeaders extends HttpHeaderFilterStrategy {

    @Override
    protected void initialize() {
        super.initialize();
        getOutFilter().remove("cache-control");
    }
}
