package org.careloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.careloop.config.Json;
import org.careloop.platform.Connections;
import org.careloop.store.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API's contract: {@code /api/openapi.json}, generated from the REST DSL, names every call the
 * routes serve, and real answers of the running server (statuses, bodies) conform to it, the way the
 * simulator is held to X's description.
 */
class ApiContractTest {

    static final String TOKEN = "contract-test-token";
    static Database db;
    static org.careloop.tickets.TicketDesk desk;
    static TestWeb.Server served;
    static String base;
    static JsonNode spec;
    static OpenApiInteractionValidator validator;
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        db = Database.open("jdbc:h2:mem:contract;DB_CLOSE_DELAY=-1", "sa", "");
        db.users().save(new UserStore.User("agent", Sessions.hash("agent-password"), UserStore.Role.AGENT));
        Clock clock = Clock.systemUTC();
        // One connected account, so that the accounts and unattended mode answer a row each.
        Connections connections = new Connections();
        connections.register(new org.careloop.platform.IdleAdapter(org.careloop.platform.Platform.X, "brand", List.of("mentions")));
        desk = TestWeb.tickets(db, new org.careloop.rules.RulesInForce(org.careloop.rules.RuleFiles.classpath("rules"), clock), clock);
        WebEndpoints web = TestWeb.endpoints(db, connections, clock, db::ping, Optional.of(TOKEN), desk);
        served = TestWeb.serve(db, web, TestWeb.praise(db, web, clock, Optional.empty()), TestWeb.moderation(db, web, new Connections()), desk);
        base = served.base();
        HttpResponse<String> doc = TestWeb.call(http, base, "GET", "/api/openapi.json", null);
        assertThat(doc.statusCode()).as("the document needs no login").isEqualTo(200);
        spec = Json.mapper().readTree(doc.body());
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(doc.body()).build();
    }

    @AfterAll
    static void stop() {
        served.close();
        db.close();
    }

    /** Every call the routes serve under /api (and /health, /metrics, the Atom feed) is in the document, and nothing else. */
    /**
     * Access is decided in one place (routes/api.yaml's route configuration) for every call the routes serve under
     * /api, those added later included: without credentials each is refused before its endpoint runs, and each change
     * refuses a session that does not send its CSRF token. The three that check for themselves refuse too.
     */
    @Test
    void everyApiCallIsGuardedInOnePlace() throws Exception {
        HttpResponse<String> login = TestWeb.login(http, base, "agent", "agent-password");
        String session = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(Access.COOKIE + "="))
                .findFirst().orElseThrow().split(";")[0];
        int calls = 0;
        for (RestDefinition rest : ((ModelCamelContext) served.camel().getCamelContext()).getRestDefinitions()) {
            for (VerbDefinition verb : rest.getVerbs()) {
                String path = (rest.getPath() == null ? "" : rest.getPath()) + verb.getPath();
                if (!path.startsWith("/api/") || path.equals("/api/openapi.json")) {
                    continue;
                }
                String method = verb.asVerb().toUpperCase();
                String url = path.replaceAll("\\{platform}", "x").replaceAll("\\{[a-z]+}", "1");
                String body = method.equals("GET") ? null : "{}";
                HttpResponse<String> anonymous = TestWeb.call(http, base, method, url, body, "Content-Type", "application/json");
                assertThat(anonymous.statusCode()).as(method + " " + path + " without credentials").isEqualTo(401);
                if (!method.equals("GET")) {
                    HttpResponse<String> noCsrf = TestWeb.call(http, base, method, url, body, "Content-Type", "application/json", "Cookie", session);
                    assertThat(noCsrf.statusCode()).as(method + " " + path + " from a session without its CSRF token").isEqualTo(403);
                    assertThat(noCsrf.body()).contains("X-CSRF-Token");
                }
                calls++;
            }
        }
        assertThat(calls).isGreaterThan(40);
    }

    @Test
    void theDocumentNamesEveryCallTheRoutesServe() {
        Set<String> served = new TreeSet<>();
        for (RestDefinition rest : ((ModelCamelContext) ApiContractTest.served.camel().getCamelContext()).getRestDefinitions()) {
            for (VerbDefinition verb : rest.getVerbs()) {
                if (!"false".equals(rest.getApiDocs()) && !"false".equals(verb.getApiDocs())) {
                    served.add(verb.asVerb().toUpperCase() + " " + (rest.getPath() == null ? "" : rest.getPath()) + verb.getPath());
                }
            }
        }
        Set<String> documented = new TreeSet<>();
        spec.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase() + " " + p.getKey())));
        assertThat(documented).isEqualTo(served);
        assertThat(served).filteredOn(s -> s.contains(" /api/")).hasSizeGreaterThan(40);
        // Each call says what it does and what it may answer, under its own operation id.
        Set<String> ids = new TreeSet<>();
        spec.get("paths").forEach(p -> p.forEach(o -> {
            assertThat(o.path("summary").asText()).as(o.toString()).isNotBlank();
            assertThat(o.path("responses").has("default")).as(o.toString()).isFalse();
            assertThat(ids.add(o.get("operationId").asText())).as("operation ids are unique: " + o.get("operationId")).isTrue();
        }));
    }

    @Test
    void realAnswersConformToTheDocument() throws Exception {
        long first = draft(9001);
        long second = draft(9002);
        long third = draft(9003);
        assertThat(conforming("GET", "/api/drafts?status=pending&limit=2", null, 200).path(0).path("id").asText()).isNotEmpty();
        conforming("GET", "/api/drafts?status=nonsense", null, 400);
        conforming("GET", "/api/drafts/" + first, null, 200);
        conforming("GET", "/api/drafts/999999", null, 404);
        conforming("GET", "/api/queue", null, 200);
        conforming("GET", "/api/clusters", null, 200);
        conforming("GET", "/api/clusters/999999", null, 404);
        conforming("GET", "/api/incidents", null, 200);
        conforming("GET", "/api/incidents/999999", null, 404);
        conforming("GET", "/api/accounts", null, 200);
        conforming("GET", "/api/status", null, 200);
        conforming("GET", "/api/ignored?limit=5", null, 200);
        conforming("GET", "/api/unprocessed", null, 200);
        conforming("GET", "/api/alerts", null, 200);
        conforming("GET", "/api/reports?days=7", null, 200);
        conforming("GET", "/api/tickets", null, 200);
        conforming("GET", "/api/tickets/999999", null, 404);
        conforming("GET", "/api/settings/reply-styles", null, 200);
        conforming("GET", "/api/praise?limit=5", null, 200);
        conforming("GET", "/api/praise?minScore=loud", null, 400);
        conforming("POST", "/api/drafts/" + first + "/claim", null, 200);
        conforming("POST", "/api/drafts/" + first + "/release", null, 200);
        conforming("POST", "/api/drafts/" + first + "/snooze", "{\"minutes\": 5}", 200);
        conforming("POST", "/api/drafts/" + second + "/assign", "{\"agent\": \"agent\"}", 200);
        conforming("POST", "/api/drafts/" + second + "/approve", "{\"text\": \"Sorry about your bag, Jana. DM us its file reference.\"}", 200);
        conforming("POST", "/api/drafts/" + second + "/approve", null, 409);
        conforming("POST", "/api/drafts/" + third + "/reject", "{\"reason\": \"not ours\"}", 200);
        conforming("POST", "/api/drafts/" + third + "/retry", null, 409);
        conforming("POST", "/api/drafts/" + third + "/share", null, 200);
        conforming("POST", "/api/clusters/999999/approve", null, 404);
        conforming("POST", "/api/clusters/999999/incident", null, 404);
        conforming("POST", "/api/incidents/999999/resolve", null, 404);
        conforming("POST", "/api/incidents/999999/notes", "{\"text\": \"on it\"}", 404);
        conforming("POST", "/api/alerts/999999/ack", null, 404);
        conforming("POST", "/api/alerts/kind/sla-warning/ack", null, 404);
        conforming("POST", "/api/unattended/kill-switch", "{\"on\": true}", 200);
        conforming("POST", "/api/unattended/kill-switch", "{\"on\": false}", 200);
        conforming("POST", "/api/mentions/x/nobody/dismiss", null, 404);
        conforming("POST", "/api/mentions/x/nobody/retry", null, 404);
        conforming("POST", "/api/tickets/999999/resolve", null, 404);
        conforming("POST", "/api/tickets/999999/messages", "{\"body\": \"hello\"}", 404);
        conforming("GET", "/api/tickets/999999/attachments/nothing.png", null, 404);
        conforming("GET", "/api/praise.csv", null, 200);
        conforming("POST", "/api/mentions/facebook/nobody/hide", null, 404);
        conforming("POST", "/api/mentions/facebook/nobody/unhide", null, 404);
        conforming("GET", "/health", null, 200);
        HttpResponse<String> metrics = TestWeb.call(http, base, "GET", "/metrics", null);
        assertConforms("GET", "/metrics", null, metrics);
    }

    /**
     * Answers with their records filled in (an alert bar with a summed kind, a ticket with its conversation, a praise page
     * with an item, a report with a variant), so that each field is held to the document, not only an empty list.
     */
    @Test
    void filledAnswersConformFieldByField() throws Exception {
        long drafted = draft(9101);
        db.alerts().raise("sla-breach", drafted, "No public reply to @jana within the 10-minute target");
        db.alerts().raise("sla-breach", null, "12 replies passed the 10-minute target while CareLoop was stopped", 12);
        db.alerts().raise("escalation", drafted, "Escalated: a wheelchair user stranded at DEN");
        assertThat(conforming("GET", "/api/alerts", null, 200).findValues("latest")).isNotEmpty();
        conforming("GET", "/api/alerts?kind=sla-breach", null, 200);
        assertThat(conforming("GET", "/api/status", null, 200).path("alerts")).isNotEmpty();
        assertThat(conforming("GET", "/api/accounts", null, 200)).hasSize(1);

        conforming("POST", "/api/drafts/" + drafted + "/share", null, 200);
        assertThat(conforming("GET", "/api/praise?limit=1", null, 200).path("items")).isNotEmpty();
        conforming("POST", "/api/drafts/" + drafted + "/approve", null, 200);
        assertThat(conforming("GET", "/api/reports?days=1", null, 200).path("variants")).isNotEmpty();

        String ticket = "/api/tickets/" + ticket(9102).id();
        assertThat(conforming("GET", ticket, null, 200).path("messages")).isNotEmpty();
        conforming("POST", ticket + "/messages", "{\"body\": \"We found your bag, Jana.\"}", 200);
        conforming("POST", ticket + "/messages", "{\"body\": \"Courier booked for 5pm\", \"note\": true}", 200);
        conforming("POST", ticket + "/assign", "{\"agent\": \"agent\"}", 200);
        conforming("POST", ticket + "/new-link", null, 200);
        assertThat(conforming("POST", ticket + "/resolve", null, 200).path("closingDraft").path("id").asLong()).isPositive();
        conforming("POST", ticket + "/close", null, 200);
    }

    /** A cluster's four decisions and its incident, on the clusters test's server (it groups posts), held to this document. */
    @Test
    void clusterDecisionsAndIncidentsConform() throws Exception {
        ClustersWebTest.start();
        try {
            var apologize = org.careloop.analysis.CareAction.Label.APOLOGIZE;
            var x = org.careloop.platform.Platform.X;
            var a = ClustersWebTest.post(x, "zoe", "Zoe", "lounge closed at the terminal, lounge access refused", apologize);
            ClustersWebTest.post(x, "abe", "Abe", "lounge access refused, the lounge is closed", apologize);
            var c = ClustersWebTest.post(x, "kim", "Kim", "the lounge is closed, lounge access refused", apologize);
            var d = ClustersWebTest.post(x, "lou", "Lou", "lounge access refused again, the lounge closed", apologize);
            String cluster = "/api/clusters/" + ClustersWebTest.cluster(a.id()).get("id").asLong();
            clustered("POST", cluster + "/assign", "{\"agent\": \"agent\"}", 200);
            clustered("POST", cluster + "/snooze", "{\"minutes\": 5, \"postIds\": [\"" + d.mention().id() + "\"]}", 200);
            assertThat(clustered("POST", cluster + "/reject", "{\"postIds\": [\"" + c.mention().id() + "\", \"nope\"]}", 200).path("left"))
                    .isNotEmpty();
            String incident = "/api/incidents/" + clustered("POST", cluster + "/incident", null, 201).get("id").asLong();
            clustered("POST", cluster + "/incident", null, 200);
            clustered("POST", incident + "/notes", "{\"text\": \"Lounge reopens at 16:00\"}", 201);
            clustered("GET", incident, null, 200);
            clustered("POST", cluster + "/approve", null, 200);
            assertThat(clustered("POST", incident + "/resolve", null, 200).path("queued")).isNotEmpty();
        } finally {
            ClustersWebTest.stop();
        }
    }

    /** Calls the clusters test's server with its token, and validates the answer against this document. */
    static JsonNode clustered(String method, String path, String body, int expected) throws Exception {
        String auth = "Bearer " + ClustersWebTest.TOKEN;
        HttpResponse<String> r = body == null ? ClustersWebTest.call(method, path, null, "Authorization", auth)
                : ClustersWebTest.call(method, path, body, "Authorization", auth, "Content-Type", "application/json");
        assertThat(r.statusCode()).as(method + " " + path + " -> " + r.body()).isEqualTo(expected);
        assertConforms(method, path, body, r);
        return Json.mapper().readTree(r.body());
    }

    static org.careloop.tickets.Ticket ticket(int n) {
        String id = String.valueOf(n);
        org.careloop.platform.Mention m = new org.careloop.platform.Mention(org.careloop.platform.Platform.X, "brand", id,
                new org.careloop.platform.Author("8", "jana", "Jana K"), "@acmeair my bag never arrived, file ref needed", "en",
                java.time.Instant.now(), id, null, "https://x.com/jana/status/" + id, false, false);
        db.mentions().insertIfNew(m);
        return desk.forPost(m, new org.careloop.analysis.Analysis("en", new org.careloop.analysis.Sentiment(
                        org.careloop.analysis.Sentiment.Label.NEGATIVE, -0.8, 0.9), List.of("negative")),
                new org.careloop.rules.Decision("lost-bag", org.careloop.rules.Decision.Action.TICKET, "ticket", "private details"));
    }

    static long draft(int n) {
        String id = String.valueOf(n);
        org.careloop.platform.Mention m = new org.careloop.platform.Mention(org.careloop.platform.Platform.X, "brand", id,
                new org.careloop.platform.Author("7", "jana", "Jana K"), "@acmeair my bag is lost", "en", java.time.Instant.now(), id, null,
                "https://x.com/jana/status/" + id, false, false);
        db.mentions().insertIfNew(m);
        return db.drafts().create(new org.careloop.care.Draft(0, m, new org.careloop.analysis.Analysis("en",
                new org.careloop.analysis.Sentiment(org.careloop.analysis.Sentiment.Label.NEGATIVE, -0.5, 0.7), List.of("r")),
                "problem", "problem", "Sorry about your bag, Jana.", org.careloop.care.DraftStatus.PENDING, java.time.Instant.now(),
                java.time.Instant.now().plusSeconds(600), null, null, null, null)).id();
    }

    /** Unsigned calls are refused as the document says. */
    @Test
    void refusalsConformToo() throws Exception {
        HttpResponse<String> r = TestWeb.call(http, base, "GET", "/api/drafts", null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertConforms("GET", "/api/drafts", null, r);
    }

    /** Calls the server with the API token, and validates the request and its answer against the document. */
    static JsonNode conforming(String method, String pathAndQuery, String body, int expected) throws Exception {
        HttpResponse<String> r = body == null
                ? TestWeb.call(http, base, method, pathAndQuery, null, "Authorization", "Bearer " + TOKEN)
                : TestWeb.call(http, base, method, pathAndQuery, body, "Authorization", "Bearer " + TOKEN, "Content-Type", "application/json");
        assertThat(r.statusCode()).as(method + " " + pathAndQuery + " -> " + r.body()).isEqualTo(expected);
        assertConforms(method, pathAndQuery, body, r);
        return r.body().isBlank() || !r.headers().firstValue("Content-Type").orElse("").contains("json")
                ? Json.mapper().createObjectNode() : Json.mapper().readTree(r.body());
    }

    static void assertConforms(String method, String pathAndQuery, String body, HttpResponse<String> r) {
        SimpleRequest.Builder req = org.careloop.OpenApiRequests.of(method, pathAndQuery);
        req.withHeader("Authorization", "Bearer " + TOKEN);
        if (body != null) {
            req.withContentType("application/json").withBody(body);
        }
        SimpleResponse.Builder resp = SimpleResponse.Builder.status(r.statusCode()).withBody(r.body());
        r.headers().firstValue("Content-Type").ifPresent(t -> resp.withContentType(t.split(";")[0]));
        ValidationReport report = validator.validate(req.build(), resp.build());
        assertThat(report.getMessages()).as(method + " " + pathAndQuery + " -> " + r.statusCode() + " " + r.body())
                .filteredOn(m -> m.getLevel() == ValidationReport.Level.ERROR).isEmpty();
    }
}
