package org.careloop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.careloop.config.Settings;
import org.careloop.simulator.Simulator;
import org.careloop.simulator.XWorld;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing through the running application: X accepting a reply but answering too late still
 * gives one reply in the thread; a reply that keeps failing shows as failed with X's error in the
 * API, and {@code POST /api/drafts/{id}/retry} sends it again.
 */
class PublishingEndToEndIT {

    private static final String TOKEN = "publishing-token";

    @TempDir
    static Path dir;
    static Simulator simulator;

    @BeforeAll
    static void startSimulator() throws Exception {
        simulator = SimulatedPlatforms.start();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.stop();
    }

    @Test
    void timeoutsDoNotDuplicateAndFailedRepliesCanBeRetriedThroughTheApi() throws Exception {
        Http http = new Http();
        Settings settings = settings();
        String api = "http://localhost:" + settings.getInt("careloop.http.port", 0);
        CareLoop app = CareLoop.start(settings);
        try {
            // X takes the reply but answers after CareLoop stopped waiting (read timeout 1 s).
            String slow = http.postTweet(simulator.baseUrl(), "sim:nadia_r", "@acmeair my refund for booking ZK4P1 has not arrived", null);
            long slowDraft = http.await(Duration.ofSeconds(60), "a draft for " + slow, () -> http.findDraftFor(api, TOKEN, slow)).get("id").asLong();
            http.postJson(simulator.baseUrl() + "/sim/faults", TOKEN,
                    "{\"endpoint\":\"POST /2/tweets\",\"kind\":\"accept-then-timeout\",\"delayMs\":3000}", 200);
            http.postJson(api + "/api/drafts/" + slowDraft + "/approve", TOKEN, "{}", 200);
            JsonNode published = awaitStatus(http, api, slowDraft, "published");
            assertThat(repliesTo(slow)).extracting(XWorld.Post::id).containsExactly(published.get("publishedId").asText());

            // X answers 503 twice: the retry budget (2) runs out and the draft fails with X's error.
            String broken = http.postTweet(simulator.baseUrl(), "sim:tomas_b", "@acmeair my bag was damaged on AA77, who pays?", null);
            long brokenDraft = http.await(Duration.ofSeconds(60), "a draft for " + broken, () -> http.findDraftFor(api, TOKEN, broken)).get("id").asLong();
            http.postJson(simulator.baseUrl() + "/sim/faults", TOKEN, "{\"endpoint\":\"POST /2/tweets\",\"status\":503,\"times\":2}", 200);
            http.postJson(api + "/api/drafts/" + brokenDraft + "/approve", TOKEN, "{}", 200);
            JsonNode failed = awaitStatus(http, api, brokenDraft, "failed");
            assertThat(failed.get("error").asText()).isEqualTo("X API could not publish a reply: HTTP 503 Injected by /sim/faults");
            assertThat(repliesTo(broken)).isEmpty();

            assertThat(http.postJson(api + "/api/drafts/" + brokenDraft + "/retry", "wrong-token", "{}", 401).get("error")).isNotNull();
            JsonNode retried = http.postJson(api + "/api/drafts/" + brokenDraft + "/retry", TOKEN, "", 200);
            assertThat(retried.get("status").asText()).isIn("approved", "published");
            awaitStatus(http, api, brokenDraft, "published");
            assertThat(repliesTo(broken)).hasSize(1);
            http.postJson(api + "/api/drafts/" + brokenDraft + "/retry", TOKEN, "", 409);
            http.postJson(api + "/api/drafts/999999/retry", TOKEN, "", 404);
        } finally {
            app.stop();
        }
    }

    private static JsonNode awaitStatus(Http http, String api, long draftId, String status) throws Exception {
        return http.await(Duration.ofSeconds(30), "draft " + draftId + " " + status, () -> {
            JsonNode d = http.getJson(api + "/api/drafts/" + draftId, TOKEN, 200);
            return status.equals(d.get("status").asText()) ? d : null;
        });
    }

    private static List<XWorld.Post> repliesTo(String postId) {
        return simulator.published().stream().filter(p -> postId.equals(p.inReplyToId())).toList();
    }

    private static Settings settings() throws Exception {
        Map<String, String> env = new HashMap<>(SimulatedPlatforms.xBrandAnd(Map.of("CARELOOP_API_TOKEN", TOKEN,
                "CARELOOP_ADMIN_PASSWORD", "publishing-admin-password")));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        return Settings.load(env, Map.ofEntries(
                Map.entry("careloop.http.port", String.valueOf(port)),
                Map.entry("careloop.http.host", "127.0.0.1"),
                Map.entry("careloop.simulator.enabled", "false"),
                Map.entry("careloop.x.api-url", simulator.baseUrl() + "/"),
                Map.entry("careloop.x.poll-cron", "0/1 * * * * ?"),
                Map.entry("careloop.x.read-timeout", "1s"),
                Map.entry("careloop.db.url", "jdbc:h2:file:" + dir.resolve("careloop").toAbsolutePath()),
                Map.entry("careloop.outbox.interval", "300ms"),
                Map.entry("careloop.outbox.max-attempts", "2"),
                Map.entry("careloop.outbox.first-retry", "500ms"),
                Map.entry("careloop.rules.dir", dir.resolve("no-rules-here").toString())));
    }
}
