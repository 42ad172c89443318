package org.careloop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.careloop.config.Settings;
import org.careloop.simulator.Simulator;
import org.careloop.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A surge played through the simulator, over real HTTP on X and on the Facebook Page, among ordinary
 * traffic: 300 posts about cancelled flights within 45 seconds. CareLoop raises one surge alert about
 * them on /api/alerts within 2 minutes of the first, sends it on the webhook, keeps its count up to
 * date, and raises none about the ordinary topics.
 */
class SurgeEndToEndIT {

    private static final String TOKEN = "surge-e2e-token-9Xw3";
    private static final Duration SURGE_AT = Duration.ofSeconds(150);
    private static final int SURGE_POSTS = 300;

    @TempDir
    Path dir;

    @Test
    void aSurgeOnXAndFacebookRaisesOneAlertWithinTwoMinutes() throws Exception {
        WebhookCatcher hook = WebhookCatcher.start();
        List<JsonNode> hooked = hook.events;
        Path scenario = dir.resolve("surge.yaml");
        Files.writeString(scenario, scenario());
        Simulator simulator = Simulator.start(SimulatorConfig.fromSettings(Settings.of(Map.of(
                "careloop.simulator.port", "0", "careloop.simulator.scenario", scenario.toString(), "careloop.simulator.state-file", ""))));
        Instant surgeStart = Instant.now().plus(SURGE_AT);
        CareLoop app = null;
        try {
            Settings settings = settings(simulator, hook.url());
            app = CareLoop.start(settings);
            String api = "http://localhost:" + settings.getInt("careloop.http.port", 0);
            Http http = new Http();

            // Within 2 minutes of the surge's first post (the await's own limit leaves room to see a late one).
            JsonNode alert = http.await(Duration.between(Instant.now(), surgeStart.plus(Duration.ofMinutes(3))), "a surge alert about cancelled flights",
                    () -> surgeAlerts(http, api).stream().filter(a -> a.at("/surge/series").asText().equals("topic:cancel")).findFirst().orElse(null));
            assertThat(Instant.parse(alert.get("at").asText())).as("raised within 2 minutes of the surge's start")
                    .isBefore(surgeStart.plus(Duration.ofMinutes(2)));
            assertThat(alert.get("kind").asText()).isEqualTo("surge");
            assertThat(alert.get("message").asText()).startsWith("Posts about “cancelled flight”: ").contains(" posts since ");
            assertThat(Instant.parse(alert.at("/surge/since").asText())).as("since the minute it began")
                    .isAfterOrEqualTo(surgeStart.truncatedTo(java.time.temporal.ChronoUnit.MINUTES))
                    .isBefore(surgeStart.plus(Duration.ofMinutes(1)));

            // The count is kept up to date in the same alert, never raised again: all 300, on X and Facebook.
            JsonNode grown = http.await(Duration.ofSeconds(120), "the surge alert counting all " + SURGE_POSTS + " posts",
                    () -> surgeAlerts(http, api).stream().filter(a -> a.at("/surge/series").asText().equals("topic:cancel")
                            && a.at("/surge/posts").asInt() >= SURGE_POSTS).findFirst().orElse(null));
            assertThat(grown.get("id").asLong()).isEqualTo(alert.get("id").asLong());
            assertThat(grown.get("message").asText()).contains(SURGE_POSTS + " posts since");
            List<JsonNode> all = surgeAlerts(http, api);
            assertThat(all).filteredOn(a -> a.at("/surge/series").asText().equals("topic:cancel")).hasSize(1);
            assertThat(all).as("no ordinary topic surged").allSatisfy(a -> assertThat(a.at("/surge/series").asText())
                    .matches("topic:cancel|action:.*"));
            // The console's status carries it too, with its chart.
            JsonNode status = http.getJson(api + "/api/status", TOKEN, 200);
            // The chart starts where counting began (a new install has only these minutes) and holds every post of the surge.
            assertThat(status.get("alerts").findValues("surge")).anySatisfy(s -> {
                assertThat(s.at("/series").asText()).isEqualTo("topic:cancel");
                int charted = 0;
                for (JsonNode minute : s.at("/chart/perMinute")) {
                    charted += minute.asInt();
                }
                assertThat(charted).isGreaterThanOrEqualTo(SURGE_POSTS);
            });

            assertThat(hooked).filteredOn(e -> e.get("event").asText().equals("surge.started") && e.at("/data/series").asText().equals("topic:cancel"))
                    .singleElement().satisfies(e -> assertThat(e.at("/data/about").asText()).isEqualTo("posts about “cancelled flight”"));
        } finally {
            if (app != null) {
                app.stop();
            }
            simulator.stop();
            hook.close();
        }
    }

    private static List<JsonNode> surgeAlerts(Http http, String api) throws Exception {
        return StreamSupport.stream(http.getJson(api + "/api/alerts", TOKEN, 200).spliterator(), false)
                .filter(a -> a.get("kind").asText().equals("surge")).toList();
    }

    /** Ordinary traffic for five minutes on X and Facebook; from 150 s (CareLoop has counted a window by then), 300 posts about cancelled flights in 45 s. */
    static String scenario() {
        String[] ordinary = {
            "@acmeair my bag did not arrive in Boston, who can help?",
            "@acmeair can I change my seat after booking?",
            "@acmeair thank you for the lovely crew on AA12 today!",
            "@acmeair I was charged twice for my booking",
            "@acmeair your app crashes when I pay for a seat",
            "@acmeair how many bags are included on economy to Lisbon?"};
        String[] surge = {
            "@acmeair flight %d to Denver cancelled and nobody tells us anything",
            "@acmeair my flight %d was cancelled, I need to get home tonight",
            "@acmeair cancelled again?! flight %d, stuck at the gate with two kids",
            "@acmeair %d cancelled at the last minute, what are my options?"};
        List<String> posts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            posts.add(step("o" + i, (i * 6) + "s", "regular_" + i, ordinary[i % ordinary.length], i % 4 == 3 ? "facebook" : "x"));
        }
        for (int i = 0; i < SURGE_POSTS; i++) {
            posts.add(step("s" + i, (SURGE_AT.toMillis() + i * 150L) + "ms", "stranded_" + i,
                    String.format(surge[i % surge.length], 200 + i % 7), i % 3 == 2 ? "facebook" : "x"));
        }
        return "brand: { handle: acmeair, name: Acme Air }\nusers: []\nposts:\n" + String.join("\n", posts) + "\n";
    }

    private static String step(String key, String at, String author, String text, String platform) {
        return "  - { key: " + key + ", at: " + at + ", author: " + author + ", platform: " + platform + ", text: \"" + text + "\" }";
    }

    private Settings settings(Simulator simulator, String webhook) throws Exception {
        Path token = dir.resolve("page-token");
        Files.writeString(token, "sim-page-acmeair\n");
        Map<String, String> env = new HashMap<>(SimulatedPlatforms.xBrandAnd(Map.of("CARELOOP_API_TOKEN", TOKEN,
                "CARELOOP_ADMIN_PASSWORD", "surge-admin-password")));
        return Settings.load(env, SimulatedPlatforms.onX(simulator, dir.resolve("db"), Map.ofEntries(
                Map.entry("careloop.facebook.pages", "brand"),
                Map.entry("careloop.facebook.brand.page-token-file", token.toString()),
                Map.entry("careloop.instagram.accounts", ""),
                Map.entry("careloop.facebook.api-url", simulator.baseUrl() + "/"),
                Map.entry("careloop.facebook.poll-cron", "0/2 * * * * ?"),
                Map.entry("careloop.sla.webhook-url", webhook),
                // A short window and baseline, so the test needs minutes, not hours, of ordinary traffic first.
                Map.entry("careloop.surge.window", "1m"),
                Map.entry("careloop.surge.baseline", "30m"),
                Map.entry("careloop.surge.check-interval", "5s"),
                Map.entry("careloop.rules.dir", dir.resolve("no-rules-here").toString()))));
    }

}
