package org.careloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.careloop.analysis.CareAction;
import org.careloop.care.Draft;
import org.careloop.platform.Platform;
import org.junit.jupiter.api.Test;

/**
 * The incidents API's checks over real HTTP, on the clusters test's server: the clusters' guards (token,
 * CSRF, no marketing), 404s, a note's text, and a second resolve refused.
 */
class IncidentsWebTest {

    private static final String BEARER = "Bearer " + ClustersWebTest.TOKEN;

    @Test
    void incidentsAreGuardedLikeTheClustersAndResolvedOnce() throws Exception {
        ClustersWebTest.start();
        try {
            Draft a = ClustersWebTest.post(Platform.X, "zoe", "Zoe", "lounge closed at the terminal, lounge access refused", CareAction.Label.APOLOGIZE);
            ClustersWebTest.post(Platform.X, "abe", "Abe", "lounge access refused, the lounge is closed", CareAction.Label.APOLOGIZE);
            long cluster = ClustersWebTest.cluster(a.id()).get("id").asLong();
            String make = "/api/clusters/" + cluster + "/incident";

            assertThat(call("POST", make, "{}").statusCode()).as("no token").isEqualTo(401);
            String session = ClustersWebTest.login("agent", "agent-password");
            assertThat(call("POST", make, "{}", "Cookie", session).statusCode()).as("no CSRF token").isEqualTo(403);
            String marketing = ClustersWebTest.login("mark", "mark-password");
            assertThat(call("POST", make, "{}", "Cookie", marketing, "X-CSRF-Token", ClustersWebTest.csrf(marketing)).statusCode())
                    .as("marketing").isEqualTo(403);
            assertThat(call("GET", "/api/incidents", null, "Cookie", marketing).statusCode()).isEqualTo(403);
            assertThat(call("POST", "/api/clusters/999999/incident", "{}", "Authorization", BEARER).statusCode()).isEqualTo(404);

            HttpResponse<String> made = call("POST", make, "{}", "Cookie", session, "X-CSRF-Token", ClustersWebTest.csrf(session));
            assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
            long id = ClustersWebTest.json(made).get("id").asLong();
            assertThat(ClustersWebTest.json(made).get("openedBy").asText()).isEqualTo("agent");
            assertThat(ClustersWebTest.json(made).get("label").asText()).contains("lounge");
            assertThat(ClustersWebTest.cluster(a.id()).get("incidentId").asLong()).isEqualTo(id);
            assertThat(ClustersWebTest.db.audit().latest(20)).anyMatch(e -> e.action().equals("incident.open") && e.actor().equals("agent"));

            String notes = "/api/incidents/" + id + "/notes";
            assertThat(call("POST", notes, "{\"text\": \"  \"}", "Authorization", BEARER).statusCode()).isEqualTo(400);
            assertThat(call("POST", notes, "{\"text\": \"" + "x".repeat(5001) + "\"}", "Authorization", BEARER).statusCode()).isEqualTo(400);
            assertThat(call("POST", notes, "{\"text\": \"Lounge reopens at 16:00\"}", "Cookie", session).statusCode()).isEqualTo(403);
            HttpResponse<String> note = call("POST", notes, "{\"text\": \"Lounge reopens at 16:00\"}", "Authorization", BEARER);
            assertThat(note.statusCode()).as(note.body()).isEqualTo(201);
            assertThat(call("POST", "/api/incidents/999999/notes", "{\"text\": \"x\"}", "Authorization", BEARER).statusCode()).isEqualTo(404);
            HttpResponse<String> detail = call("GET", "/api/incidents/" + id, null, "Cookie", session);
            assertThat(detail.statusCode()).isEqualTo(200);
            assertThat(ClustersWebTest.json(detail).get("notes")).singleElement().satisfies(n -> {
                assertThat(n.get("author").asText()).isEqualTo("api");
                assertThat(n.get("text").asText()).isEqualTo("Lounge reopens at 16:00");
            });
            assertThat(ClustersWebTest.json(detail).get("posts")).hasSize(2);

            String resolve = "/api/incidents/" + id + "/resolve";
            assertThat(call("POST", resolve, "{}", "Cookie", session).statusCode()).as("no CSRF token").isEqualTo(403);
            HttpResponse<String> resolved = call("POST", resolve, "{}", "Authorization", BEARER);
            assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
            assertThat(ClustersWebTest.json(resolved).get("queued")).hasSize(2);
            // The first replies the closing messages answer are set aside by CareLoop, not rejected in the resolver's name.
            assertThat(ClustersWebTest.db.drafts().find(a.id()).orElseThrow()).satisfies(d -> {
                assertThat(d.status()).isEqualTo(org.careloop.care.DraftStatus.REJECTED);
                assertThat(d.decidedBy()).isEqualTo(Draft.AUTO);
            });
            HttpResponse<String> again = call("POST", resolve, "{}", "Authorization", BEARER);
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(again.body()).contains("resolved already by api");
            assertThat(call("POST", "/api/incidents/nope/resolve", "{}", "Authorization", BEARER).statusCode()).isEqualTo(404);
            assertThat(call("GET", "/api/incidents/999999", null, "Authorization", BEARER).statusCode()).isEqualTo(404);
        } finally {
            ClustersWebTest.stop();
        }
    }

    private static HttpResponse<String> call(String method, String path, String body, String... headers) throws Exception {
        return ClustersWebTest.call(method, path, body, headers);
    }
}
