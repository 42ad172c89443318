package org.careloop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.careloop.config.Settings;
import org.careloop.simulator.Simulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Operators scrape /metrics: after a post went through the pipeline and its reply out, CareLoop's meters say so. */
class MetricsEndToEndIT {

    private static final String TOKEN = "metrics-api-token-9Xw4";

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
    void theScrapeCountsAPostReadTriagedDraftedAndPublished() throws Exception {
        Http http = new Http();
        int port = SimulatedPlatforms.freePort();
        int management = SimulatedPlatforms.freePort();
        Settings settings = Settings.load(SimulatedPlatforms.xBrandAnd(Map.of("CARELOOP_API_TOKEN", TOKEN,
                "CARELOOP_ADMIN_PASSWORD", "metrics-admin-password")), Map.of(
                "careloop.http.port", String.valueOf(port),
                "careloop.http.host", "127.0.0.1",
                "careloop.management.port", String.valueOf(management),
                "careloop.simulator.enabled", "false",
                "careloop.x.api-url", simulator.baseUrl() + "/",
                "careloop.x.poll-cron", "0/1 * * * * ?",
                "careloop.db.url", "jdbc:h2:file:" + dir.resolve("careloop").toAbsolutePath(),
                "careloop.outbox.interval", "500ms",
                "careloop.rules.dir", dir.resolve("no-rules-here").toString()));
        CareLoop app = CareLoop.start(settings);
        String api = "http://localhost:" + port;
        try {
            String postId = http.postTweet(simulator.baseUrl(), "sim:jana_k",
                    "@acmeair my bag never arrived in Boston, flight AA512. Nobody at the desk can tell me anything", null);
            JsonNode draft = http.await(Duration.ofSeconds(60), "a draft for post " + postId, () -> http.findDraftFor(api, TOKEN, postId));
            long draftId = draft.get("id").asLong();
            http.postJson(api + "/api/drafts/" + draftId + "/approve", TOKEN, "{}", 200);
            http.await(Duration.ofSeconds(30), "draft " + draftId + " published", () -> {
                JsonNode d = http.getJson(api + "/api/drafts/" + draftId, TOKEN, 200);
                return "published".equals(d.get("status").asText()) ? d : null;
            });

            HttpResponse<String> scrape = http.get(api + "/metrics");
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("text/plain"));
            String text = scrape.body();
            assertThat(count(text, "careloop_posts_read_total{account=\"brand\",platform=\"x\"}")).isGreaterThanOrEqualTo(1);
            assertThat(count(text, "careloop_posts_triaged_total{account=\"brand\",platform=\"x\"}")).isGreaterThanOrEqualTo(1);
            assertThat(text).containsPattern("(?m)^careloop_replies_drafted_total\\{action=\"[a-z_]+\",platform=\"x\"} 1\\.0$");
            assertThat(count(text, "careloop_drafts{status=\"published\"}")).isEqualTo(1);
            assertThat(count(text, "careloop_drafts{status=\"pending\"}")).isZero();
            assertThat(count(text, "careloop_publish_attempts_total{account=\"brand\",platform=\"x\"}")).isEqualTo(1);
            assertThat(text).doesNotContain("careloop_publish_failures_total{");
            assertThat(count(text, "careloop_first_response_seconds_count{platform=\"x\"}")).isEqualTo(1);
            assertThat(count(text, "careloop_webhook_backlog{hook=\"sla\"}")).isZero();
            assertThat(text).doesNotContain("careloop_sla_breaches_total{");
            // Camel's own meters and the JVM's come along in the same scrape.
            assertThat(text).contains("camel_exchanges_total{").contains("jvm_memory_used_bytes{");
            // /health is unchanged by it.
            assertThat(http.get(api + "/health").statusCode()).isEqualTo(200);

            // Camel's management server shows its health-check registry, CareLoop's checks in it.
            HttpResponse<String> observed = http.get("http://127.0.0.1:" + management + "/observe/health?exposureLevel=full");
            assertThat(observed.statusCode()).as(observed.body()).isEqualTo(200);
            assertThat(observed.body()).contains("careloop-account-brand").contains("careloop-database");
        } finally {
            app.stop();
        }
    }


    /** The value of one sample line, by its name and labels as Prometheus writes them. */
    private static double count(String scrape, String sample) {
        for (String line : scrape.split("\n")) {
            if (line.startsWith(sample + " ")) {
                return Double.parseDouble(line.substring(sample.length() + 1).trim());
            }
        }
        throw new AssertionError("No sample " + sample + " in the scrape:\n" + scrape);
    }
}
