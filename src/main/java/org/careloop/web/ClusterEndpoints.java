package org.careloop.web;

import org.apache.camel.Exchange;

/**
 * The clusters API over HTTP, called from {@code routes/api.yaml}: the same checks as the drafts
 * API ({@link WebEndpoints}: the API token, or a console session with its CSRF token for changes; not
 * the marketing role).
 *
 * <pre>
 * curl -H "Authorization: Bearer $CARELOOP_API_TOKEN" http://localhost:8080/api/clusters
 * curl -X POST -H "Authorization: Bearer $CARELOOP_API_TOKEN" -d '{"text": "..."}' http://localhost:8080/api/clusters/7/approve
 * </pre>
 */
public final class ClusterEndpoints {

    private final Access access;
    private final ClustersApi clusters;

    public ClusterEndpoints(WebEndpoints web, ClustersApi clusters) {
        this.access = web.access();
        this.clusters = clusters;
    }

    public void list(Exchange ex) {
        access.answer(ex, actor -> clusters.list());
    }

    public void get(Exchange ex) {
        access.answer(ex, actor -> clusters.get(Http.header(ex, "id")));
    }

    public void approve(Exchange ex) {
        access.answer(ex, actor -> clusters.approve(Http.header(ex, "id"), actor, body(ex)));
    }

    public void reject(Exchange ex) {
        access.answer(ex, actor -> clusters.reject(Http.header(ex, "id"), actor, body(ex)));
    }

    public void snooze(Exchange ex) {
        access.answer(ex, actor -> clusters.snooze(Http.header(ex, "id"), actor, body(ex)));
    }

    public void assign(Exchange ex) {
        access.answer(ex, actor -> clusters.assign(Http.header(ex, "id"), actor, body(ex)));
    }

    private static String body(Exchange ex) {
        return ex.getMessage().getBody(String.class);
    }
}
