package org.careloop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.careloop.config.Json;
import org.careloop.config.Settings;
import org.careloop.platform.facebook.SimCustomer;
import org.careloop.simulator.GraphWorld;
import org.careloop.simulator.Simulator;
import org.careloop.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Facebook and Instagram from the customer's comment to the reply in the thread, through CareLoop
 * and the simulator's Graph API over real HTTP (RestFB on both sides): polling, approval, the reply
 * published once in the right thread, the rules' {@code hide} and the console's unhide, and an
 * expired Page token (unhealthy connection, alert, 503 health, recovery with a new token).
 */
class FacebookEndToEndIT {

    static final String TOKEN = "fb-e2e-api-token";

    @TempDir
    static Path dir;
    static Simulator simulator;
    static CareLoop app;
    static String api;
    static Path tokenFile;
    final Http http = new Http();

    @BeforeAll
    static void start() throws Exception {
        simulator = Simulator.start(new SimulatorConfig("127.0.0.1", 0, "none", null, 1));
        tokenFile = dir.resolve("page-token");
        Files.writeString(tokenFile, "sim-page-acmeair\n");
        int port = SimulatedPlatforms.freePort();
        api = "http://localhost:" + port;
        Map<String, String> env = new HashMap<>(Map.of("CARELOOP_API_TOKEN", TOKEN, "CARELOOP_ADMIN_PASSWORD", "fb-admin-password"));
        app = CareLoop.start(Settings.load(env, Map.ofEntries(
                Map.entry("careloop.http.port", String.valueOf(port)), Map.entry("careloop.http.host", "127.0.0.1"),
                Map.entry("careloop.simulator.enabled", "false"),
                Map.entry("careloop.x.accounts", ""),
                Map.entry("careloop.facebook.pages", "brand"),
                Map.entry("careloop.facebook.brand.page-token-file", tokenFile.toString()),
                Map.entry("careloop.instagram.accounts", "brand"),
                Map.entry("careloop.facebook.api-url", simulator.baseUrl() + "/"),
                Map.entry("careloop.facebook.poll-cron", "0/1 * * * * ?"),
                Map.entry("careloop.instagram.poll-cron", "0/1 * * * * ?"),
                Map.entry("careloop.db.url", "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath()),
                Map.entry("careloop.outbox.interval", "500ms"),
                Map.entry("careloop.outbox.first-retry", "1s"),
                Map.entry("careloop.facebook.read-timeout", "3s"),
                Map.entry("careloop.facebook.back-off", "2s"),
                Map.entry("careloop.rules.dir", dir.resolve("no-rules-here").toString()))));
    }

    @AfterAll
    static void stop() {
        app.stop();
        simulator.stop();
    }

    static String publish(String name, String path, String text) {
        return new SimCustomer(simulator.baseUrl(), name).publish(path, text);
    }

    @Test
    void aFacebookVisitorPostAndAnInstagramCommentAreAnsweredInTheirThreadsOnce() throws Exception {
        GraphWorld g = simulator.graph();
        String post = publish("jana_k", g.page().id() + "/feed",
                "My bag didn't arrive in Boston on AA512 and nobody at the desk can tell me anything. I have a work event tomorrow");
        String media = g.media("Sunrise over the Atlantic").id();
        String comment = publish("priya_flies", media + "/comments", "can I bring my cat in the cabin? she's 5kg with the carrier");

        JsonNode fbDraft = http.await(Duration.ofSeconds(60), "a draft for the Facebook post", () -> http.findDraftFor(api, TOKEN, post));
        JsonNode igDraft = http.await(Duration.ofSeconds(60), "a draft for the Instagram comment", () -> http.findDraftFor(api, TOKEN, comment));
        assertThat(fbDraft.get("platform").asText()).isEqualTo("facebook");
        assertThat(igDraft.get("platform").asText()).isEqualTo("instagram");
        assertThat(fbDraft.at("/mention/permalink").asText()).isEqualTo(simulator.baseUrl() + "/facebook#o" + post);
        assertThat(fbDraft.get("text").asText()).as("no @ before a Facebook name").doesNotContain("@jana");

        for (JsonNode d : List.of(fbDraft, igDraft)) {
            http.postJson(api + "/api/drafts/" + d.get("id").asText() + "/approve", TOKEN, "{}", 200);
        }
        GraphWorld.Item fbReply = http.await(Duration.ofSeconds(30), "the reply under the Facebook post", () -> g.thread(post).stream()
                .filter(i -> i.authorId().equals(g.page().id())).findFirst().orElse(null));
        assertThat(fbReply.parentId()).as("a comment on the post itself").isNull();
        assertThat(fbReply.text()).isEqualTo(http.getJson(api + "/api/drafts/" + fbDraft.get("id").asText(), TOKEN, 200).get("text").asText());
        GraphWorld.Item igReply = http.await(Duration.ofSeconds(30), "the reply to the Instagram comment", () -> g.thread(media).stream()
                .filter(i -> i.authorId().equals(g.instagram().id())).findFirst().orElse(null));
        assertThat(igReply.parentId()).isEqualTo(comment);
        http.await(Duration.ofSeconds(30), "both drafts published", () ->
                http.getJson(api + "/api/drafts/" + igDraft.get("id").asText(), TOKEN, 200).get("status").asText().equals("published") ? true : null);
        // A later customer post drafted proves the feeds polled past the brand's replies (read oldest first): had a reply
        // been taken for a customer's post, it would have been drafted by then.
        String later = publish("pia_k", g.page().id() + "/feed", "Is the lounge in Denver open late?");
        http.await(Duration.ofSeconds(60), "a draft for a later post", () -> http.findDraftFor(api, TOKEN, later));
        assertThat(g.byBrand()).filteredOn(i -> i.rootId() != null && (i.rootId().equals(post) || i.rootId().equals(media))).hasSize(2);
        assertThat(http.findDraftFor(api, TOKEN, fbReply.id())).isNull();
    }

    @Test
    void aReplyAcceptedButAnsweredTooLateIsFoundInTheThreadAndNotPostedTwice() throws Exception {
        GraphWorld g = simulator.graph();
        String post = publish("omar_t", g.page().id() + "/feed", "I was charged twice for booking QX7Y2 and I want my money back");
        JsonNode draft = http.await(Duration.ofSeconds(60), "a draft for the post", () -> http.findDraftFor(api, TOKEN, post));
        fault("{\"endpoint\": \"POST /:id/comments\", \"kind\": \"accept-then-timeout\", \"delayMs\": 6000}");
        http.postJson(api + "/api/drafts/" + draft.get("id").asText() + "/approve", TOKEN, "{}", 200);
        JsonNode published = http.await(Duration.ofSeconds(40), "the draft published", () -> {
            JsonNode d = http.getJson(api + "/api/drafts/" + draft.get("id").asText(), TOKEN, 200);
            return d.get("status").asText().equals("published") ? d : null;
        });
        List<GraphWorld.Item> replies = g.thread(post).stream().filter(i -> i.authorId().equals(g.page().id())).toList();
        assertThat(replies).as("one reply in the thread, though the first attempt timed out").hasSize(1);
        assertThat(published.get("publishedId").asText()).isEqualTo(replies.get(0).id());
        assertThat(pendingFaults()).as("the first attempt met the fault").isEqualTo("[]");
    }

    @Test
    void aReplyRefusedForThePagesRateLimitWaitsAndIsPublishedOnceInsteadOfFailing() throws Exception {
        GraphWorld g = simulator.graph();
        String post = publish("lena_b", g.page().id() + "/feed", "The crew on my Lisbon flight were wonderful, thank you!");
        JsonNode draft = http.await(Duration.ofSeconds(60), "a draft for the post", () -> http.findDraftFor(api, TOKEN, post));
        fault("{\"endpoint\": \"POST /:id/comments\", \"status\": 400, \"code\": 32}");
        http.postJson(api + "/api/drafts/" + draft.get("id").asText() + "/approve", TOKEN, "{}", 200);
        http.await(Duration.ofSeconds(40), "the draft published after the wait", () -> {
            String status = http.getJson(api + "/api/drafts/" + draft.get("id").asText(), TOKEN, 200).get("status").asText();
            assertThat(status).as("a rate limit is waited out, never a failure").isNotEqualTo("failed");
            return status.equals("published") ? status : null;
        });
        assertThat(pendingFaults()).as("the first attempt met the rate limit").isEqualTo("[]");
        assertThat(g.thread(post).stream().filter(i -> i.authorId().equals(g.page().id()))).hasSize(1);
    }

    @Test
    void aTrollsCommentIsHiddenByTheRulesAndShownAgainFromTheConsole() throws Exception {
        GraphWorld g = simulator.graph();
        String brandPost = g.post(g.page().id(), "New flights to Lisbon!").id();
        String troll = publish("hot_takes_99", brandPost + "/comments", "why won't you admit your CEO is a clown? answer the question. I'll wait");
        http.await(Duration.ofSeconds(60), "the troll's comment hidden", () -> g.item(troll).filter(GraphWorld.Item::hidden).orElse(null));

        // The platform hides the comment a moment before CareLoop records that it did.
        JsonNode ignored = http.await(Duration.ofSeconds(10), "the comment in Not answered, recorded hidden", () -> {
            for (JsonNode i : http.getJson(api + "/api/ignored", TOKEN, 200)) {
                if (i.at("/mention/id").asText().equals(troll) && i.at("/moderation/hidden").asBoolean()) {
                    return i;
                }
            }
            return null;
        });
        assertThat(ignored.get("action").asText()).isEqualTo("hide");
        assertThat(ignored.at("/moderation/hidden").asBoolean()).isTrue();
        assertThat(ignored.at("/moderation/by").asText()).isEqualTo("rule:hide-bait");
        assertThat(ignored.at("/moderation/reason").asText()).startsWith("troll");
        assertThat(http.findDraftFor(api, TOKEN, troll)).as("no reply to a troll").isNull();

        JsonNode shown = http.postJson(api + "/api/mentions/facebook/" + troll + "/unhide", TOKEN, "{}", 200);
        assertThat(shown.get("hidden").asBoolean()).isFalse();
        assertThat(g.item(troll).orElseThrow().hidden()).isFalse();
        assertThat(app.database().audit().latest(20)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("post.unhide");
            assertThat(e.subject()).isEqualTo("facebook/" + troll);
        });
        http.postJson(api + "/api/mentions/facebook/nope/hide", TOKEN, "{}", 404);
    }

    @Test
    void anExpiredTokenMarksTheConnectionUnhealthyAndANewTokenRecoversIt() throws Exception {
        String fresh = Json.mapper().readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(simulator.baseUrl() + "/sim/graph/expire-token")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).body()).get("token").asText();
        try {
            // Unhealthy for the token, not only for a late poll (a loaded machine can make a poll late first).
            JsonNode down = http.await(Duration.ofSeconds(30), "the Facebook Page unhealthy with its token refused", () -> {
                JsonNode a = account("facebook-brand", false);
                return a != null && a.get("lastError").asText().contains("code 190") ? a : null;
            });
            assertThat(down.get("lastError").asText()).contains("code 190", "expired");
            assertThat(http.status(api + "/health")).isEqualTo(503);
            JsonNode alerts = http.getJson(api + "/api/alerts", TOKEN, 200);
            assertThat(alerts.toString()).contains("facebook account facebook-brand is unhealthy");

            Files.writeString(tokenFile, fresh);
            Files.setLastModifiedTime(tokenFile, FileTime.from(Instant.now().plusSeconds(5)));
            http.await(Duration.ofSeconds(30), "the Facebook Page healthy again", () -> account("facebook-brand", true));
            http.await(Duration.ofSeconds(30), "the Instagram account healthy again", () -> account("instagram-brand", true));
            assertThat(http.status(api + "/health")).isEqualTo(200);
        } finally {
            Files.writeString(tokenFile, simulator.graph().brand().token());
        }
    }

    static void fault(String json) throws Exception {
        HttpResponse<String> f = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/sim/faults"))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(f.statusCode()).as(f.body()).isEqualTo(200);
    }

    static String pendingFaults() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/sim/faults")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private JsonNode account(String name, boolean healthy) {
        try {
            for (JsonNode a : http.getJson(api + "/api/accounts", TOKEN, 200)) {
                if (a.get("account").asText().equals(name) && a.get("healthy").asBoolean() == healthy) {
                    return a;
                }
            }
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
