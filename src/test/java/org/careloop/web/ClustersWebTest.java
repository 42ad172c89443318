package org.careloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.careloop.analysis.Analysis;
import org.careloop.analysis.CareAction;
import org.careloop.analysis.Sentiment;
import org.careloop.care.Clustering;
import org.careloop.care.Draft;
import org.careloop.care.DraftStatus;
import org.careloop.care.Grouping;
import org.careloop.config.Json;
import org.careloop.platform.Author;
import org.careloop.platform.Connections;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.careloop.store.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Clusters over real HTTP: listed, approved for all or for the posts named, each reply its own; the drafts API's checks. */
class ClustersWebTest {

    static final String TOKEN = "clusters-test-token";
    static final AtomicInteger IDS = new AtomicInteger(7000);
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    static Database db;
    static TestWeb.Server served;
    static String base;
    static Clustering clustering;

    @BeforeAll
    static void start() throws Exception {
        db = Database.open("jdbc:h2:mem:clusters-web-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        db.users().save(new UserStore.User("agent", Sessions.hash("agent-password"), UserStore.Role.AGENT));
        db.users().save(new UserStore.User("mark", Sessions.hash("mark-password"), UserStore.Role.MARKETING));
        Clock clock = Clock.systemUTC();
        WebEndpoints web = TestWeb.endpoints(db, new Connections(), clock, db::ping, Optional.of(TOKEN));
        served = TestWeb.serve(db, web, TestWeb.praise(db, web, clock, Optional.empty()), TestWeb.moderation(db, web, new Connections()));
        base = served.base();
        clustering = new Clustering(db.clusters(), new Grouping("Acme Air"), Duration.ofHours(6));
    }

    @AfterAll
    static void stop() {
        served.close();
        db.close();
    }

    /** A post about an outage, drafted and placed as the pipeline does; its draft greets the author by first name. */
    static Draft post(Platform platform, String handle, String name, String text, CareAction.Label action) {
        String id = String.valueOf(IDS.incrementAndGet());
        Instant at = Instant.now().minusSeconds(60);
        Mention m = new Mention(platform, "brand", id, new Author("u" + id, handle, name), text, "en", at, id, null,
                "https://example.com/" + handle + "/" + id, false, false);
        db.mentions().insertIfNew(m);
        Analysis a = new Analysis("en", new Sentiment(Sentiment.Label.NEGATIVE, -0.6, 0.8), null, null, null, new CareAction(action, true, 0.9),
                List.of());
        String first = name.split(" ")[0];
        Draft d = db.drafts().create(new Draft(0, m, a, "outage", "apology", "So sorry " + first + ", we know the app is failing. We're on it now.",
                DraftStatus.PENDING, at, at.plusSeconds(600), null, null, null, null));
        return clustering.place(d);
    }

    static HttpResponse<String> call(String method, String path, String body, String... headers) throws Exception {
        return TestWeb.call(http, base, method, path, body, headers);
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return Json.mapper().readTree(r.body());
    }

    static JsonNode cluster(long draftId) throws Exception {
        HttpResponse<String> list = call("GET", "/api/clusters", null, "Authorization", "Bearer " + TOKEN);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        for (JsonNode c : json(list)) {
            for (JsonNode e : c.get("examples")) {
                if (e.get("draftId").asLong() == draftId) {
                    return c;
                }
            }
        }
        throw new AssertionError("No cluster shows draft " + draftId + ": " + list.body());
    }

    @Test
    void anOpenClusterIsListedWithWhatItIsAboutItsPostsAndOneDraft() throws Exception {
        Draft a = post(Platform.X, "lena_k", "Lena K", "@acmeair is the app down? can't check in", CareAction.Label.APOLOGIZE);
        post(Platform.FACEBOOK, "li.p", "Li Pham", "Acme Air app down again, no way to check in", CareAction.Label.APOLOGIZE);
        post(Platform.X, "bo", "Bo", "app down?? check in impossible", CareAction.Label.APOLOGIZE);
        post(Platform.X, "cy", "Cy", "app down, can't check in", CareAction.Label.TICKET);
        JsonNode c = cluster(a.id());
        assertThat(c.get("size").asInt()).as("the ticket case is another care action").isEqualTo(3);
        assertThat(c.get("careAction").asText()).isEqualTo("apologize");
        assertThat(c.get("label").asText()).contains("app", "down", "check");
        assertThat(c.get("platforms")).extracting(JsonNode::asText).containsExactly("facebook", "x");
        assertThat(c.get("examples")).hasSize(3);
        JsonNode first = c.get("examples").get(0);
        assertThat(first.get("id").asText()).isEqualTo(a.mention().id());
        assertThat(first.get("author").get("handle").asText()).isEqualTo("lena_k");
        assertThat(first.get("text").asText()).isEqualTo("@acmeair is the app down? can't check in");
        assertThat(c.get("draftText").asText()).isEqualTo(a.text());
        assertThat(Instant.parse(c.get("firstAt").asText())).isBeforeOrEqualTo(Instant.parse(c.get("lastAt").asText()));
        assertThat(c.has("incidentId")).isTrue();
        assertThat(c.get("incidentId").isNull()).isTrue();
        // Priced before anyone approves: two replies on X at $0.20 with the ticket link or $0.015 without; Facebook costs nothing.
        assertThat(c.get("cost")).anySatisfy(x -> {
            assertThat(x.get("platform").asText()).isEqualTo("x");
            assertThat(x.get("replies").asInt()).isEqualTo(2);
            assertThat(x.get("withLink").asDouble()).isEqualTo(0.4);
            assertThat(x.get("linkFree").asDouble()).isEqualTo(0.03);
            assertThat(x.get("style").asText()).isEqualTo("link");
            assertThat(x.get("inStyle").asDouble()).isEqualTo(0.4);
        }).anySatisfy(f -> {
            assertThat(f.get("platform").asText()).isEqualTo("facebook");
            assertThat(f.get("replies").asInt()).isEqualTo(1);
            assertThat(f.get("inStyle").asDouble()).isZero();
        });
        assertThat(call("GET", "/api/clusters/" + c.get("id").asLong(), null, "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/clusters/999999", null, "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void approvingAClusterAnswersEveryPostInItsOwnThreadWithItsOwnText() throws Exception {
        List<Draft> posts = new ArrayList<>();
        posts.add(post(Platform.X, "jana_k", "Jana Kova", "flights cancelled at the airport, stuck at the gate", CareAction.Label.ESCALATE));
        posts.add(post(Platform.X, "jana_p", "Jana P", "all flights cancelled at the airport? stuck", CareAction.Label.ESCALATE));
        posts.add(post(Platform.FACEBOOK, "omar.f", "Omar Farouk", "Acme Air cancelled flights, stuck at the airport with kids", CareAction.Label.ESCALATE));
        long id = cluster(posts.get(0).id()).get("id").asLong();

        HttpResponse<String> r = call("POST", "/api/clusters/" + id + "/approve", null, "Authorization", "Bearer " + TOKEN);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode approved = json(r).get("approved");
        assertThat(approved).hasSize(3);
        assertThat(json(r).get("left")).isEmpty();
        List<String> texts = new ArrayList<>();
        for (Draft d : posts) {
            Draft now = db.drafts().find(d.id()).orElseThrow();
            assertThat(now.status()).isEqualTo(DraftStatus.APPROVED);
            assertThat(now.decidedBy()).isEqualTo("api");
            // Its own outbox entry, in reply to its own post: the publisher sends it once, in that thread.
            assertThat(db.outbox().outboxOf(d.id())).hasValueSatisfying(o -> {
                assertThat(o.inReplyToId()).isEqualTo(d.mention().id());
                assertThat(o.text()).isEqualTo(now.text());
            });
            texts.add(now.text());
        }
        assertThat(texts.get(0)).isEqualTo(posts.get(0).text()).contains("Jana");
        assertThat(texts.get(1)).as("another Jana on the same account is told apart by her handle").contains("@jana_p");
        assertThat(texts.get(2)).contains("Omar").doesNotContain("Jana");
        assertThat(texts).doesNotHaveDuplicates();
        assertThat(cluster(-1, id)).isFalse();
        assertThat(call("POST", "/api/clusters/" + id + "/approve", null, "Authorization", "Bearer " + TOKEN).statusCode())
                .as("nothing left to approve").isEqualTo(409);
    }

    @Test
    void anEditedDraftGoesOnlyToThePostsNamedEachMadeItsOwn() throws Exception {
        Draft a = post(Platform.X, "nia", "Nia Obi", "charged twice for my booking, double charge on my card", CareAction.Label.TICKET);
        Draft b = post(Platform.X, "raj", "Raj Patel", "double charge on my card for one booking!!", CareAction.Label.TICKET);
        Draft c = post(Platform.FACEBOOK, "sam.l", "Sam Lee", "I was charged twice, double charge for the same booking", CareAction.Label.TICKET);
        long id = cluster(a.id()).get("id").asLong();
        String edited = "Nia, we're sorry about the double charge. Refunds for it go out today; DM us if you don't see yours by Friday.";
        HttpResponse<String> r = call("POST", "/api/clusters/" + id + "/approve",
                "{\"text\": \"" + edited + "\", \"postIds\": [\"" + b.mention().id() + "\", \"" + c.mention().id() + "\", \"nope\"]}",
                "Authorization", "Bearer " + TOKEN);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).get("approved")).extracting(n -> n.get("postId").asText()).containsExactly(b.mention().id(), c.mention().id());
        assertThat(json(r).get("left")).singleElement().satisfies(l -> {
            assertThat(l.get("postId").asText()).isEqualTo("nope");
            assertThat(l.get("reason").asText()).isEqualTo("not waiting in this cluster");
        });
        assertThat(db.drafts().find(a.id()).orElseThrow().status()).as("not named: still waiting").isEqualTo(DraftStatus.PENDING);
        assertThat(db.drafts().find(b.id()).orElseThrow().text()).isEqualTo(edited.replace("Nia", "Raj"));
        assertThat(db.drafts().find(c.id()).orElseThrow().text()).isEqualTo(edited.replace("Nia", "Sam"));
        assertThat(db.drafts().find(b.id()).orElseThrow().status()).isEqualTo(DraftStatus.APPROVED);
    }

    @Test
    void rejectingOrSnoozingAClusterActsOnAllItsPosts() throws Exception {
        Draft a = post(Platform.X, "ted", "Ted", "wifi on board broken again, no wifi the whole flight", CareAction.Label.ENGAGE);
        Draft b = post(Platform.X, "una", "Una", "no wifi on board, wifi broken all flight", CareAction.Label.ENGAGE);
        long id = cluster(a.id()).get("id").asLong();
        HttpResponse<String> snoozed = call("POST", "/api/clusters/" + id + "/snooze", "{\"minutes\": 30}", "Authorization", "Bearer " + TOKEN);
        assertThat(snoozed.statusCode()).as(snoozed.body()).isEqualTo(200);
        assertThat(db.drafts().find(b.id()).orElseThrow().work().snoozedUntil()).isAfter(Instant.now().plusSeconds(25 * 60));
        assertThat(cluster(-1, id)).as("snoozed, it leaves the queue").isFalse();

        Draft c = post(Platform.X, "vic", "Vic", "wifi broken on board again, no wifi", CareAction.Label.ENGAGE);
        Draft d = post(Platform.X, "wes", "Wes", "no wifi on board, the wifi is broken", CareAction.Label.ENGAGE);
        long again = cluster(c.id()).get("id").asLong();
        HttpResponse<String> rejected = call("POST", "/api/clusters/" + again + "/reject", "{\"reason\": \"known, fixed next week\"}",
                "Authorization", "Bearer " + TOKEN);
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
        assertThat(List.of(c, d)).allSatisfy(x -> assertThat(db.drafts().find(x.id()).orElseThrow().status()).isEqualTo(DraftStatus.REJECTED));
    }

    @Test
    void clustersAreGuardedLikeTheDrafts() throws Exception {
        Draft a = post(Platform.X, "xia", "Xia", "baggage carousel broken at the terminal, bags stuck", CareAction.Label.APOLOGIZE);
        post(Platform.X, "yan", "Yan", "bags stuck, baggage carousel broken", CareAction.Label.APOLOGIZE);
        long id = cluster(a.id()).get("id").asLong();
        assertThat(call("GET", "/api/clusters", null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/clusters", null, "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
        assertThat(call("POST", "/api/clusters/" + id + "/approve", null).statusCode()).isEqualTo(401);

        String session = login("agent", "agent-password");
        assertThat(call("GET", "/api/clusters", null, "Cookie", session).statusCode()).as("reading needs no CSRF token").isEqualTo(200);
        HttpResponse<String> noCsrf = call("POST", "/api/clusters/" + id + "/approve", "{}", "Cookie", session);
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/clusters/" + id + "/approve", "{}", "Cookie", session, "X-CSRF-Token", "wrong").statusCode()).isEqualTo(403);
        assertThat(db.drafts().find(a.id()).orElseThrow().status()).as("refused before anything was done").isEqualTo(DraftStatus.PENDING);

        String marketing = login("mark", "mark-password");
        assertThat(call("GET", "/api/clusters", null, "Cookie", marketing).statusCode()).isEqualTo(403);

        HttpResponse<String> bad = call("POST", "/api/clusters/" + id + "/approve", "{\"postIds\": [12]}", "Cookie", session, "X-CSRF-Token", csrf(session));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("postIds");
        HttpResponse<String> ok = call("POST", "/api/clusters/" + id + "/approve", "{}", "Cookie", session, "X-CSRF-Token", csrf(session));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(db.drafts().find(a.id()).orElseThrow().decidedBy()).isEqualTo("agent");
    }

    /** Whether cluster {@code id} is listed (draft -1: look it up by id). */
    static boolean cluster(long draftId, long id) throws Exception {
        for (JsonNode c : json(call("GET", "/api/clusters", null, "Authorization", "Bearer " + TOKEN))) {
            if (c.get("id").asLong() == id) {
                return true;
            }
        }
        return false;
    }

    static String login(String user, String password) throws Exception {
        HttpResponse<String> r = TestWeb.login(http, base, user, password);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        return r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    static String csrf(String cookie) throws Exception {
        return TestWeb.csrf(http, base, cookie);
    }
}
