package org.careloop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.careloop.config.Settings;
import org.careloop.simulator.Simulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An incident played through the simulator over real HTTP: customers report the app crashing at check-in,
 * each post opens a ticket and the posts form a cluster; a care lead makes the cluster an incident, its
 * tickets join it, and later posts about it join it instead of opening tickets. Resolving it resolves the
 * tickets and publishes one closing message per post, in the post's own thread, each with its own text;
 * resolving it again publishes nothing more.
 */
class IncidentEndToEndIT {

    private static final String TOKEN = "incident-e2e-token-4Rt8";
    private static final Duration DRAFTED = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void anIncidentJoinsTheClustersTicketsAndClosesEveryPostsLoopOnce() throws Exception {
        WebhookCatcher hook = WebhookCatcher.start();
        List<JsonNode> hooked = hook.events;
        Simulator simulator = SimulatedPlatforms.start();
        CareLoop app = null;
        try {
            Settings settings = settings(simulator, hook.url());
            app = CareLoop.start(settings);
            String api = "http://localhost:" + settings.getInt("careloop.http.port", 0);
            Http http = new Http();

            // Three customers, three tickets, one cluster.
            Map<String, String> posts = new HashMap<>(); // post id -> handle
            List<JsonNode> first = new ArrayList<>();
            for (String[] p : new String[][] {
                    {"mia_r", "@acmeair your app crashes every time I try to check in, error on the boarding pass screen"},
                    {"noah_t", "@acmeair app keeps crashing when I check in, can't get my boarding pass"},
                    {"olga_v", "@acmeair the app crashes at check in again, no boarding pass"}}) {
                String id = http.postTweet(simulator.baseUrl(), "sim:" + p[0], p[1], null);
                posts.put(id, p[0]);
                first.add(http.await(DRAFTED, "a draft for " + p[0], () -> http.findDraftFor(api, TOKEN, id)));
            }
            assertThat(first).allSatisfy(d -> assertThat(d.hasNonNull("ticketId")).as("each post opened a ticket").isTrue());
            Set<Long> tickets = new HashSet<>(first.stream().map(d -> d.get("ticketId").asLong()).toList());
            assertThat(tickets).hasSize(3);
            JsonNode cluster = http.await(Duration.ofSeconds(30), "one cluster of the three posts", () -> clusterOf(http, api, first));
            assertThat(cluster.get("incidentId").isNull()).isTrue();

            // The lead makes it an incident: its three tickets join it.
            long clusterId = cluster.get("id").asLong();
            JsonNode incident = http.postJson(api + "/api/clusters/" + clusterId + "/incident", TOKEN, "{}", 201);
            long incidentId = incident.get("id").asLong();
            String reference = incident.get("reference").asText();
            assertThat(incident.get("status").asText()).isEqualTo("open");
            assertThat(incident.get("clusterId").asLong()).isEqualTo(clusterId);
            assertThat(incident.get("label").asText()).contains("app");
            assertThat(incident.get("ticketCount").asInt()).isEqualTo(3);
            assertThat(http.postJson(api + "/api/clusters/" + clusterId + "/incident", TOKEN, "{}", 200).get("id").asLong())
                    .as("a cluster is one incident").isEqualTo(incidentId);
            assertThat(clusterOf(http, api, first).get("incidentId").asLong()).isEqualTo(incidentId);

            // Later posts about it join the incident: no new ticket, and their reply names the incident.
            int ticketsBefore = http.getJson(api + "/api/tickets?status=all", TOKEN, 200).size();
            for (String[] p : new String[][] {
                    {"pia_s", "@acmeair app crashes at check in, boarding pass won't load"},
                    {"quinn_b", "@acmeair the app crashes when I check in for my boarding pass"}}) {
                String id = http.postTweet(simulator.baseUrl(), "sim:" + p[0], p[1], null);
                posts.put(id, p[0]);
                JsonNode d = http.await(DRAFTED, "a draft for " + p[0], () -> http.findDraftFor(api, TOKEN, id));
                assertThat(d.hasNonNull("ticketId")).as("joined the incident, no ticket of its own").isFalse();
                assertThat(d.get("text").asText()).contains(reference).doesNotContain("/t/");
            }
            assertThat(http.getJson(api + "/api/tickets?status=all", TOKEN, 200).size()).as("no ticket per later post").isEqualTo(ticketsBefore);
            JsonNode detail = http.await(Duration.ofSeconds(30), "the incident holding all five posts", () -> {
                JsonNode i = http.getJson(api + "/api/incidents/" + incidentId, TOKEN, 200);
                return i.get("posts").size() == 5 ? i : null;
            });
            assertThat(detail.get("tickets")).extracting(t -> t.get("id").asLong()).containsExactlyInAnyOrderElementsOf(tickets);
            assertThat(detail.get("posts")).extracting(p -> p.get("id").asText()).containsExactlyInAnyOrderElementsOf(posts.keySet());
            JsonNode note = http.postJson(api + "/api/incidents/" + incidentId + "/notes", TOKEN, "{\"text\": \"Fix deployed, app checked\"}", 201);
            assertThat(note.get("author").asText()).isEqualTo("api");
            assertThat(http.getJson(api + "/api/incidents", TOKEN, 200)).anySatisfy(i -> {
                assertThat(i.get("id").asLong()).isEqualTo(incidentId);
                assertThat(i.get("postCount").asInt()).isEqualTo(5);
                assertThat(i.get("ticketCount").asInt()).isEqualTo(3);
            });

            // Resolved: its tickets resolved, one closing message queued per post.
            JsonNode resolved = http.postJson(api + "/api/incidents/" + incidentId + "/resolve", TOKEN, "{}", 200);
            assertThat(resolved.at("/incident/status").asText()).isEqualTo("resolved");
            assertThat(resolved.get("ticketsResolved").asInt()).isEqualTo(3);
            assertThat(resolved.get("left")).as(resolved.toString()).isEmpty();
            assertThat(resolved.get("queued")).extracting(q -> q.get("postId").asText()).containsExactlyInAnyOrderElementsOf(posts.keySet());
            for (long t : tickets) {
                assertThat(http.getJson(api + "/api/tickets/" + t, TOKEN, 200).at("/ticket/status").asText()).isEqualTo("resolved");
            }

            // Published, each in its own thread, each its own text, naming its customer.
            List<Long> closings = StreamSupport.stream(resolved.get("queued").spliterator(), false).map(q -> q.get("draftId").asLong()).toList();
            for (long c : closings) {
                http.await(Duration.ofSeconds(60), "closing message " + c + " published",
                        () -> "published".equals(http.getJson(api + "/api/drafts/" + c, TOKEN, 200).get("status").asText()) ? c : null);
            }
            Map<String, List<JsonNode>> replies = repliesTo(http, simulator, posts.keySet());
            assertThat(replies.keySet()).containsExactlyInAnyOrderElementsOf(posts.keySet());
            Set<String> texts = new HashSet<>();
            replies.forEach((post, rs) -> {
                assertThat(rs).as("exactly one reply to post " + post + " (its pending first reply set aside)").hasSize(1);
                JsonNode reply = rs.get(0);
                assertThat(reply.get("conversation_id").asText()).as("in the post's own thread").isEqualTo(post);
                assertThat(reply.get("text").asText()).contains(posts.get(post));
                texts.add(reply.get("text").asText());
            });
            assertThat(texts).as("never the same text twice on the account").hasSize(posts.size());

            // Resolving again posts nothing more: refused, and no closing message is drafted.
            http.postJson(api + "/api/incidents/" + incidentId + "/resolve", TOKEN, "{}", 409);
            long drafted = StreamSupport.stream(http.getJson(api + "/api/drafts?status=all&limit=500", TOKEN, 200).spliterator(), false)
                    .filter(d -> posts.containsKey(d.at("/mention/id").asText()) && "closing".equals(d.at("/work/kind").asText())).count();
            assertThat(drafted).isEqualTo(posts.size());
            assertThat(http.getJson(api + "/api/incidents/" + incidentId, TOKEN, 200).get("posts"))
                    .allSatisfy(p -> assertThat(p.get("closingStatus").asText()).isEqualTo("published"));

            http.await(Duration.ofSeconds(30), "incident.opened and incident.resolved on the tickets webhook",
                    () -> hooked.stream().filter(e -> e.get("event").asText().startsWith("incident.")).count() >= 2 ? hooked : null);
            assertThat(hooked).filteredOn(e -> e.get("event").asText().equals("incident.resolved")).singleElement()
                    .satisfies(e -> assertThat(e.at("/data/incidentId").asLong()).isEqualTo(incidentId));
        } finally {
            if (app != null) {
                app.stop();
            }
            simulator.stop();
            hook.close();
        }
    }

    /** The cluster listed with all of these drafts among its posts, or null. */
    private static JsonNode clusterOf(Http http, String api, List<JsonNode> drafts) throws Exception {
        Set<Long> wanted = new HashSet<>(drafts.stream().map(d -> d.get("id").asLong()).toList());
        for (JsonNode c : http.getJson(api + "/api/clusters", TOKEN, 200)) {
            Set<Long> shown = new HashSet<>();
            c.get("examples").forEach(e -> shown.add(e.get("draftId").asLong()));
            if (shown.containsAll(wanted)) {
                return c;
            }
        }
        return null;
    }

    /** What the brand published in reply to each of the posts. */
    private static Map<String, List<JsonNode>> repliesTo(Http http, Simulator simulator, Set<String> posts) throws Exception {
        Map<String, List<JsonNode>> out = new HashMap<>();
        for (JsonNode p : http.getJson(simulator.baseUrl() + "/sim/published", "unused", 200)) {
            String to = p.at("/referenced_tweets/0/id").asText();
            if (posts.contains(to)) {
                out.computeIfAbsent(to, k -> new ArrayList<>()).add(p);
            }
        }
        return out;
    }

    private Settings settings(Simulator simulator, String webhook) throws Exception {
        Map<String, String> env = new HashMap<>(SimulatedPlatforms.xBrandAnd(Map.of("CARELOOP_API_TOKEN", TOKEN,
                "CARELOOP_ADMIN_PASSWORD", "incident-admin-password")));
        return Settings.load(env, SimulatedPlatforms.onX(simulator, dir.resolve("db"), Map.of(
                "careloop.facebook.pages", "",
                "careloop.instagram.accounts", "",
                "careloop.outbox.interval", "500ms",
                "careloop.tickets.webhook-url", webhook,
                "careloop.rules.dir", dir.resolve("no-rules-here").toString())));
    }
}
