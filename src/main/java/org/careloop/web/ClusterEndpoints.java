package org.careloop.web;

import org.apache.camel.Body;
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

    public void approve(Exchange ex, @Body ClustersApi.ClusterApproval approval) {
        access.answer(ex, actor -> clusters.approve(Http.header(ex, "id"), actor, approval));
    }

    public void reject(Exchange ex, @Body ClustersApi.ClusterRejection rejection) {
        access.answer(ex, actor -> clusters.reject(Http.header(ex, "id"), actor, rejection));
    }

    public void snooze(Exchange ex, @Body ClustersApi.ClusterSnooze snooze) {
        access.answer(ex, actor -> clusters.snooze(Http.header(ex, "id"), actor, snooze));
    }

    public void assign(Exchange ex, @Body ClustersApi.ClusterAssignment assignment) {
        access.answer(ex, actor -> clusters.assign(Http.header(ex, "id"), actor, assignment));
    }
}
