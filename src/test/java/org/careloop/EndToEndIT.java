package org.careloop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.careloop.config.Settings;
import org.careloop.simulator.Simulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path over real HTTP: a customer posts on the simulated X, twitter4j polls it, the
 * pipeline drafts a reply, the API approves it, and the simulator records the reply in the
 * customer's thread. Also: a restart neither re-drafts nor misses posts, and rejected credentials
 * show as an unhealthy connection.
 */
class EndToEndIT {

    private static final String TOKEN = "e2e-api-token-7Kq2";

    @TempDir
    static Path dir;

    static Simulator simulator;

    @BeforeAll
    static void startSimulator() throws Exception {
        // Run on its own (not inside CareLoop) so it outlives CareLoop restarts.
        simulator = SimulatedPlatforms.start();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.stop();
    }

    @Test
    void postIsDraftedApprovedAndRepliedInThreadAndRestartNeitherRepeatsNorMisses() throws Exception {
        Http http = new Http();
        Settings settings = settings(Map.of());
        CareLoop app = CareLoop.start(settings);
        String api = "http://localhost:" + settings.getInt("careloop.http.port", 0);
        String postId;
        long draftId;
        try {
            postId = http.postTweet(simulator.baseUrl(), "sim:jana_k", "@acmeair my bag never arrived in Boston, flight AA512. Nobody at the desk can tell me anything", null);

            JsonNode draft = http.await(Duration.ofSeconds(60), "a draft for post " + postId,
                    () -> http.findDraftFor(api, TOKEN, postId));
            draftId = draft.get("id").asLong();
            assertThat(draft.get("status").asText()).isEqualTo("pending");
            assertThat(draft.get("platform").asText()).isEqualTo("x");
            assertThat(draft.at("/mention/author/handle").asText()).isEqualTo("jana_k");
            assertThat(draft.get("text").asText()).isNotBlank();
            assertThat(draft.get("deadline").asText()).isNotBlank();

            JsonNode approved = http.postJson(api + "/api/drafts/" + draftId + "/approve", TOKEN, "{}", 200);
            assertThat(approved.get("status").asText()).isEqualTo("approved");
            http.postJson(api + "/api/drafts/" + draftId + "/approve", TOKEN, "{}", 409);

            JsonNode published = http.await(Duration.ofSeconds(30), "draft " + draftId + " published", () -> {
                JsonNode d = http.getJson(api + "/api/drafts/" + draftId, TOKEN, 200);
                return "published".equals(d.get("status").asText()) ? d : null;
            });
            String replyId = published.get("publishedId").asText();

            JsonNode reply = http.getJson(simulator.baseUrl() + "/2/tweets/" + replyId
                    + "?tweet.fields=conversation_id,referenced_tweets,author_id", "sim:jana_k", 200).get("data");
            assertThat(reply.get("conversation_id").asText()).isEqualTo(postId);
            assertThat(reply.at("/referenced_tweets/0/type").asText()).isEqualTo("replied_to");
            assertThat(reply.at("/referenced_tweets/0/id").asText()).isEqualTo(postId);
            assertThat(reply.get("text").asText()).isEqualTo(published.get("text").asText());
        } finally {
            app.stop();
        }

        // While CareLoop is down, another customer posts.
        String whileDown = http.postTweet(simulator.baseUrl(), "sim:omar_travels", "@acmeair I was charged twice for booking QX7Y2 and I want my money back", null);

        CareLoop restarted = CareLoop.start(settings);
        try {
            http.await(Duration.ofSeconds(60), "a draft for the post made while down",
                    () -> http.findDraftFor(api, TOKEN, whileDown));
            // A later post drafted proves the feed polled again after the restart: had the first post come
            // back, it would have come with those polls (posts are read oldest first), not after them.
            String later = http.postTweet(simulator.baseUrl(), "sim:pia_flies", "@acmeair my seat on flight 210 is broken, who can help?", null);
            http.await(Duration.ofSeconds(60), "a draft for a post made after the restart", () -> http.findDraftFor(api, TOKEN, later));
            JsonNode all = http.getJson(api + "/api/drafts?status=all", TOKEN, 200);
            long draftsForFirst = 0;
            for (JsonNode d : all) {
                if (postId.equals(d.at("/mention/id").asText())) {
                    draftsForFirst++;
                }
            }
            assertThat(draftsForFirst).as("drafts for the post seen before the restart").isEqualTo(1);
        } finally {
            restarted.stop();
        }
    }

    @Test
    void aPostWhoseTriageKeepsFailingIsSetAsideTheFeedMovesOnAndARetryDraftsIt() throws Exception {
        Http http = new Http();
        Settings settings = settings(Map.of("CARELOOP_TEST_CASE", "triage"));
        CareLoop app = CareLoop.start(settings);
        String api = "http://localhost:" + settings.getInt("careloop.http.port", 0);
        String dbUrl = settings.get("careloop.db.url", null);
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(dbUrl, "careloop", "")) {
            http.await(Duration.ofSeconds(30), "the account connected", () -> {
                JsonNode a = http.getJson(api + "/api/accounts", TOKEN, 200).get(0);
                return a != null && a.get("healthy").asBoolean() ? a : null;
            });
            // The database refuses every draft: triage fails at its last step, as it would on a full disk.
            db.createStatement().execute("alter table drafts rename to drafts_away");
            String stuck = http.postTweet(simulator.baseUrl(), "sim:jana_k", "@acmeair my refund for booking ZX81 never arrived, it has been three weeks", null);

            JsonNode setAside = http.await(Duration.ofSeconds(60), "post " + stuck + " set aside", () -> {
                for (JsonNode u : http.getJson(api + "/api/unprocessed", TOKEN, 200)) {
                    if (stuck.equals(u.at("/mention/id").asText())) {
                        return u;
                    }
                }
                return null;
            });
            assertThat(setAside.get("attempts").asInt()).isEqualTo(3);
            assertThat(setAside.get("error").asText()).isNotBlank();
            // The alert is raised just after the post is set aside: waited for, not read in the same instant.
            JsonNode alerts = http.await(Duration.ofSeconds(10), "the alert for post " + stuck, () -> {
                JsonNode now = http.getJson(api + "/api/alerts", TOKEN, 200);
                return now.toString().contains("Could not process x post " + stuck) ? now : null;
            });
            assertThat(alerts.toString()).contains("Could not process x post " + stuck);

            // The feed is not blocked: once the database takes drafts again, the next post is drafted.
            db.createStatement().execute("alter table drafts_away rename to drafts");
            String next = http.postTweet(simulator.baseUrl(), "sim:omar_travels", "@acmeair my seat upgrade for flight AA77 was charged but never applied", null);
            http.await(Duration.ofSeconds(60), "a draft for the post after the stuck one", () -> http.findDraftFor(api, TOKEN, next));
            assertThat(http.findDraftFor(api, TOKEN, stuck)).as("the set-aside post is not retried by the feed").isNull();

            JsonNode retried = http.postJson(api + "/api/mentions/x/" + stuck + "/retry", TOKEN, "{}", 200);
            assertThat(retried.get("triaged").asBoolean()).isTrue();
            assertThat(http.findDraftFor(api, TOKEN, stuck)).as("the retried post's draft").isNotNull();
            assertThat(http.getJson(api + "/api/unprocessed", TOKEN, 200)).isEmpty();
            http.postJson(api + "/api/mentions/x/" + stuck + "/retry", TOKEN, "{}", 404);
            try (var rs = db.createStatement().executeQuery("select actor, action, subject from audit_log where action = 'post.retry'")) {
                assertThat(rs.next()).as("the retry is in the audit log").isTrue();
                assertThat(rs.getString("subject")).isEqualTo("x/" + stuck);
                assertThat(rs.getString("actor")).isEqualTo("api");
            }
        } finally {
            app.stop();
        }
    }

    @Test
    void rejectedCredentialsShowAsUnhealthyAccount() throws Exception {
        Http http = new Http();
        Settings settings = settings(Map.of("CARELOOP_X_BRAND_ACCESS_TOKEN", "revoked-token"));
        CareLoop app = CareLoop.start(settings);
        String api = "http://localhost:" + settings.getInt("careloop.http.port", 0);
        try {
            JsonNode account = http.await(Duration.ofSeconds(30), "the account marked unhealthy", () -> {
                JsonNode accounts = http.getJson(api + "/api/accounts", TOKEN, 200);
                JsonNode a = accounts.get(0);
                return a != null && !a.get("healthy").asBoolean() ? a : null;
            });
            assertThat(account.get("lastError").asText()).containsIgnoringCase("auth");
            var health = http.get(api + "/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.headers().firstValue("X-Content-Type-Options")).as("CareLoop's response-header policy").contains("nosniff");
        } finally {
            app.stop();
        }
    }

    @Test
    void aReplyTheTeamWroteOnXItselfIsInTheThreadItsFollowUpIsDecidedWith() throws Exception {
        Http http = new Http();
        Settings settings = settings(Map.of("CARELOOP_TEST_CASE", "team-on-x"));
        CareLoop app = CareLoop.start(settings);
        String api = "http://localhost:" + settings.getInt("careloop.http.port", 0);
        try {
            String first = http.postTweet(simulator.baseUrl(), "sim:lena_m", "@acmeair my bag never came off flight AA90 at JFK last night", null);
            long firstDraft = http.await(Duration.ofSeconds(60), "a draft for the first post", () -> http.findDraftFor(api, TOKEN, first))
                    .get("id").asLong();
            // An agent answers on X itself, not through CareLoop; the customer answers that.
            String byHand = http.postTweet(simulator.baseUrl(), "sim:acmeair", "@lena_m So sorry, Lena! What's your bag's file reference?", first);
            String answer = http.postTweet(simulator.baseUrl(), "sim:lena_m", "@acmeair JFKAA12345", byHand);

            JsonNode draft = http.await(Duration.ofSeconds(60), "a draft for the follow-up", () -> http.findDraftFor(api, TOKEN, answer));
            assertThat(draft.get("ruleId").asText()).as("decided as an answer to our question").isEqualTo("thread-answer-number");
            JsonNode thread = http.getJson(api + "/api/drafts/" + draft.get("id").asText(), TOKEN, 200).get("thread");
            assertThat(thread).extracting(t -> t.get("id").asText()).containsExactly(first, byHand, answer);
            assertThat(thread.findValuesAsText("ours")).containsExactly("false", "true", "false");
            assertThat(http.findDraftFor(api, TOKEN, byHand)).as("the brand's own post is never triaged").isNull();
            JsonNode withdrawn = http.getJson(api + "/api/drafts/" + firstDraft, TOKEN, 200);
            assertThat(withdrawn.get("status").asText()).as("answered by a person on X: CareLoop never answers it again").isEqualTo("rejected");
            assertThat(withdrawn.get("error").asText()).startsWith("answered on x by the team: @lena_m So sorry, Lena!");
        } finally {
            app.stop();
        }
    }

    private static Settings settings(Map<String, String> extraEnv) throws Exception {
        // The simulator's demo credentials, given the way an operator gives real ones.
        Map<String, String> env = new HashMap<>(SimulatedPlatforms.X_BRAND);
        env.putAll(extraEnv);
        env.put("CARELOOP_API_TOKEN", TOKEN);
        env.put("CARELOOP_ADMIN_PASSWORD", "e2e-admin-password");
        Path db = dir.resolve("db-" + extraEnv.hashCode());
        Files.createDirectories(db);
        return Settings.load(env, Map.of(
                "careloop.http.port", String.valueOf(SimulatedPlatforms.freePort()),
                "careloop.http.host", "127.0.0.1",
                "careloop.simulator.enabled", "false",
                "careloop.x.api-url", simulator.baseUrl() + "/",
                "careloop.x.poll-cron", "0/1 * * * * ?",
                "careloop.db.url", "jdbc:h2:file:" + db.resolve("careloop").toAbsolutePath(),
                "careloop.outbox.interval", "500ms",
                "careloop.rules.dir", dir.resolve("no-rules-here").toString()));
    }

}
