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

    private final WebEndpoints web;
    private final ClustersApi clusters;

    public ClusterEndpoints(WebEndpoints web, ClustersApi clusters) {
        this.web = web;
        this.clusters = clusters;
    }

    public void list(Exchange ex) {
        web.ifAllowed(ex, false, false, actor -> clusters.list());
    }

    public void get(Exchange ex) {
        web.ifAllowed(ex, false, false, actor -> clusters.get(WebEndpoints.header(ex, "id")));
    }

    public void approve(Exchange ex) {
        web.ifAllowed(ex, true, false, actor -> clusters.approve(WebEndpoints.header(ex, "id"), actor, body(ex)));
    }

    public void reject(Exchange ex) {
        web.ifAllowed(ex, true, false, actor -> clusters.reject(WebEndpoints.header(ex, "id"), actor, body(ex)));
    }

    public void snooze(Exchange ex) {
        web.ifAllowed(ex, true, false, actor -> clusters.snooze(WebEndpoints.header(ex, "id"), actor, body(ex)));
    }

    public void assign(Exchange ex) {
        web.ifAllowed(ex, true, false, actor -> clusters.assign(WebEndpoints.header(ex, "id"), actor, body(ex)));
    }

    private static String body(Exchange ex) {
        return ex.getMessage().getBody(String.class);
    }
}
