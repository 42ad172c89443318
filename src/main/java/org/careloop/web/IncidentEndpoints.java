package org.careloop.web;

import org.apache.camel.Body;
import org.apache.camel.Exchange;

/**
 * The incidents API over HTTP, called from {@code routes/api.yaml}, with the clusters' checks
 * ({@link WebEndpoints}: the API token, or a console session with its CSRF token for changes; not the
 * marketing role).
 *
 * <pre>
 * curl -X POST -H "Authorization: Bearer $CARELOOP_API_TOKEN" http://localhost:8080/api/clusters/7/incident
 * curl -X POST -H "Authorization: Bearer $CARELOOP_API_TOKEN" -d '{"text": "fix deployed"}' http://localhost:8080/api/incidents/3/notes
 * curl -X POST -H "Authorization: Bearer $CARELOOP_API_TOKEN" http://localhost:8080/api/incidents/3/resolve
 * </pre>
 */
public final class IncidentEndpoints {

    private final Access access;
    private final IncidentsApi incidents;

    public IncidentEndpoints(WebEndpoints web, IncidentsApi incidents) {
        this.access = web.access();
        this.incidents = incidents;
    }

    public void list(Exchange ex) {
        access.answer(ex, actor -> incidents.list());
    }

    public void get(Exchange ex) {
        access.answer(ex, actor -> incidents.get(Http.header(ex, "id")));
    }

    /** {@code POST /api/clusters/{id}/incident}. */
    public void open(Exchange ex) {
        access.answer(ex, actor -> incidents.open(Http.header(ex, "id"), actor));
    }

    public void resolve(Exchange ex) {
        access.answer(ex, actor -> incidents.resolve(Http.header(ex, "id"), actor));
    }

    public void note(Exchange ex, @Body IncidentsApi.Note note) {
        access.answer(ex, actor -> incidents.note(Http.header(ex, "id"), actor, note));
    }
}
