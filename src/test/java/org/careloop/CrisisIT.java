package org.careloop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.careloop.config.Settings;
import org.careloop.simulator.Simulator;
import org.careloop.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crisis played through the simulator over real HTTP, on X and on the Facebook Page, among ordinary
 * traffic: 2,000 posts on three topics (cancelled flights, the app crashing, bags not arriving) within
 * 100 seconds of the scenario (50 s of wall time: the simulator plays it at twice the speed). CareLoop
 * raises one surge alert per topic within 2 minutes of its start (console, API,
 * webhook), groups each topic's posts into a handful of clusters, answers a whole cluster with one
 * approval (each post in its own thread, with its own text), turns another into an incident whose
 * resolve posts every closing message, and still drafts the ordinary posts that came during it.
 * It prints the clusters it found.
 */
class CrisisIT {

    private static final String TOKEN = "crisis-e2e-token-7Qm2";
    /**
     * The scenario plays twice as fast as written (the simulator's speed): every post and its spacing as below, in
     * half the wall time; the times below are the scenario's. CareLoop's own minutes are real ones.
     */
    private static final int SPEED = 2;
    /** When the surge starts: CareLoop has counted more than a minute of ordinary traffic by then. */
    private static final Duration SURGE_AT = Duration.ofSeconds(150);
    private static final Duration SURGE_SPACING = Duration.ofMillis(50);
    /** Ordinary traffic runs until well after the surge: those posts must still flow. */
    private static final int ORDINARY = 70;
    private static final Duration ORDINARY_SPACING = Duration.ofSeconds(5);

    /** The three topics: the surge's series, its posts' author prefix, how many, and what customers write. */
    private record Topic(String series, String prefix, int posts, String... texts) {}

    private static final List<Topic> TOPICS = List.of(
            new Topic("topic:cancel", "cancel_", 900,
                    "@acmeair flight %d to Denver cancelled and nobody tells us anything",
                    "@acmeair my flight %d was cancelled, I need to get home tonight",
                    "@acmeair cancelled again?! flight %d, stuck at the gate with two kids",
                    "@acmeair flight %d cancelled at the last minute, where do I rebook?"),
            new Topic("topic:app", "app_", 700,
                    "@acmeair your app keeps crashing when I open my trip",
                    "@acmeair the app crashes every time I try to open it, reinstalled twice",
                    "@acmeair app crashed again on my iphone, can't see my trip",
                    "@acmeair is the app down? it crashes as soon as it opens"),
            new Topic("topic:bag", "bag_", 400,
                    "@acmeair our bags never came off flight %d in Boston, been waiting an hour",
                    "@acmeair flight %d landed in Boston 90 minutes ago and still no luggage",
                    "@acmeair no bags from flight %d at the Boston carousel, nobody from the airline here"));

    @TempDir
    Path dir;

    @Test
    void aCrisisIsAlertedGroupedAnsweredAsOneAndItsLoopsClosed() throws Exception {
        WebhookCatcher hook = WebhookCatcher.start();
        Path scenario = dir.resolve("crisis.yaml");
        Files.writeString(scenario, scenario());
        // The scenario's clock starts inside Simulator.start: the surge's first post comes no earlier than this.
        Instant surgeStart = Instant.now().plus(SURGE_AT.dividedBy(SPEED));
        Simulator simulator = Simulator.start(SimulatorConfig.fromSettings(Settings.of(Map.of(
                "careloop.simulator.port", "0", "careloop.simulator.scenario", scenario.toString(), "careloop.simulator.state-file", "",
                "careloop.simulator.speed", String.valueOf(SPEED)))));
        Http http = new Http();
        // Publishing pace against the platforms' limits is PublisherTest's; here the crisis's replies fit one window.
        http.postJson(simulator.baseUrl() + "/sim/faults", "unused", "{\"endpoint\": \"POST /2/tweets\", \"rateLimit\": 10000}", 200);
        http.postJson(simulator.baseUrl() + "/sim/faults", "unused", "{\"endpoint\": \"graph\", \"rateLimit\": 10000}", 200);
        CareLoop app = null;
        try {
            Settings settings = settings(simulator, hook.url());
            app = CareLoop.start(settings);
            String api = "http://localhost:" + settings.getInt("careloop.http.port", 0);

            // 1. One surge alert per topic, within 2 minutes of the surge's start, on the API and the webhook.
            for (Topic t : TOPICS) {
                JsonNode alert = http.await(Duration.between(Instant.now(), surgeStart.plus(Duration.ofMinutes(3))), "a surge alert on " + t.series(),
                        () -> surgeAlerts(http, api).stream().filter(a -> a.at("/surge/series").asText().equals(t.series())).findFirst().orElse(null));
                assertThat(Instant.parse(alert.get("at").asText())).as(t.series() + " raised within 2 minutes of the surge's start")
                        .isBefore(surgeStart.plus(Duration.ofMinutes(2)));
                assertThat(Instant.parse(alert.at("/surge/since").asText())).as("since the minute it began")
                        .isAfterOrEqualTo(surgeStart.truncatedTo(ChronoUnit.MINUTES)).isBefore(surgeStart.plus(Duration.ofMinutes(1)));
                assertThat(alert.get("message").asText()).contains(" posts since ");
            }

            // Every post triaged: each surge alert's count grows in place to (nearly) its topic's posts; the few
            // posted before the minute the surge is dated from are not in it.
            int surgePosts = TOPICS.stream().mapToInt(Topic::posts).sum();
            for (Topic t : TOPICS) {
                http.await(Duration.ofMinutes(3), "the " + t.series() + " alert counting its " + t.posts() + " posts",
                        () -> surgeAlerts(http, api).stream().filter(a -> a.at("/surge/series").asText().equals(t.series())
                                && a.at("/surge/posts").asInt() >= t.posts() * 97 / 100).findFirst().orElse(null));
            }
            System.out.printf("Crisis: every surge post counted %d s after the surge's start%n", Duration.between(surgeStart, Instant.now()).toSeconds());
            List<JsonNode> alerts = surgeAlerts(http, api);
            for (Topic t : TOPICS) {
                assertThat(alerts).filteredOn(a -> a.at("/surge/series").asText().equals(t.series())).hasSize(1);
            }
            assertThat(alerts).as("no ordinary topic surged").allSatisfy(a -> assertThat(a.at("/surge/series").asText())
                    .matches("topic:(cancel|app|bag|flight|rebook)|action:.*"));
            // The console's status carries each with its chart, which holds every post the alert counts.
            JsonNode status = http.getJson(api + "/api/status", TOKEN, 200);
            for (Topic t : TOPICS) {
                assertThat(status.get("alerts").findValues("surge")).anySatisfy(s -> {
                    assertThat(s.at("/series").asText()).isEqualTo(t.series());
                    int charted = 0;
                    for (JsonNode minute : s.at("/chart/perMinute")) {
                        charted += minute.asInt();
                    }
                    assertThat(charted).isGreaterThanOrEqualTo(s.at("/posts").asInt());
                });
            }
            assertThat(hook.events).filteredOn(e -> e.get("event").asText().equals("surge.started"))
                    .extracting(e -> e.at("/data/series").asText()).contains("topic:cancel", "topic:app", "topic:bag");

            // 2. A handful of clusters hold each topic's waiting posts.
            Map<String, Integer> waiting = new HashMap<>();
            JsonNode pending = http.await(Duration.ofMinutes(2), "every surge post waiting in the queue", () -> {
                JsonNode q = http.getJson(api + "/api/queue", TOKEN, 200);
                return q.get("pending").asInt() >= surgePosts * 9 / 10 ? q : null;
            });
            JsonNode clusters = http.getJson(api + "/api/clusters", TOKEN, 200);
            clusters.forEach(c -> System.out.printf("Crisis: cluster %d, %d posts, %s, \"%s\"%n", c.get("id").asLong(), c.get("size").asInt(),
                    c.get("careAction").asText(), c.get("label").asText()));
            Map<String, List<JsonNode>> byTopic = new HashMap<>();
            for (JsonNode c : clusters) {
                topicOf(c).ifPresent(t -> byTopic.computeIfAbsent(t.series(), k -> new ArrayList<>()).add(c));
            }
            System.out.printf("Crisis: %d pending after the surge; clusters per topic: %s%n", pending.get("pending").asInt(),
                    byTopic.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().stream().map(c -> c.get("size").asInt()).toList()).toList());
            for (Topic t : TOPICS) {
                List<JsonNode> held = byTopic.getOrDefault(t.series(), List.of());
                int clustered = held.stream().mapToInt(c -> c.get("size").asInt()).sum();
                assertThat(held).as("a handful of clusters hold " + t.series()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
                assertThat(clustered).as("most of " + t.series() + "'s posts are in its clusters").isGreaterThanOrEqualTo(t.posts() * 8 / 10);
                waiting.put(t.series(), clustered);
            }

            // 3. One approval answers the app cluster: every post in its own thread, each with its own text.
            JsonNode appCluster = largest(byTopic.get("topic:app"));
            JsonNode approved = http.postJson(api + "/api/clusters/" + appCluster.get("id").asLong() + "/approve", TOKEN, "{}", 200);
            List<JsonNode> decided = list(approved.get("approved"));
            assertThat(decided.size()).as("answered with one approval: " + approved.get("left")).isGreaterThanOrEqualTo(appCluster.get("size").asInt() * 9 / 10);
            assertThat(decided).extracting(d -> d.get("platform").asText()).contains("x", "facebook");
            assertEachOwnThreadAndText(http, simulator, decided, "postId");

            // 4. The cancellations become an incident; resolving it posts every closing message.
            JsonNode cancelCluster = largest(byTopic.get("topic:cancel"));
            JsonNode incident = http.postJson(api + "/api/clusters/" + cancelCluster.get("id").asLong() + "/incident", TOKEN, "{}", 201);
            JsonNode resolved = http.postJson(api + "/api/incidents/" + incident.get("id").asLong() + "/resolve", TOKEN, "{}", 200);
            assertThat(resolved.get("left")).as(resolved.get("left").toString()).isEmpty();
            List<JsonNode> queued = list(resolved.get("queued"));
            assertThat(queued.size()).isGreaterThanOrEqualTo(cancelCluster.get("size").asInt());
            // All of them published, read from the list of published drafts (one draft's full view per GET took a minute).
            Set<Long> closing = new HashSet<>();
            queued.forEach(q -> closing.add(q.get("draftId").asLong()));
            http.await(Duration.ofMinutes(3), "every closing message published", () -> {
                Set<Long> published = new HashSet<>();
                forEachDraft(http, api, "published", d -> published.add(d.get("id").asLong()));
                return published.containsAll(closing) ? published : null;
            });
            assertEachOwnThreadAndText(http, simulator, queued, "postId");

            // 5. Ordinary posts during the crisis still reached the queue, each with its draft.
            List<String> ordinaryAuthors = new ArrayList<>();
            for (int i = 0; i < ORDINARY; i++) {
                ordinaryAuthors.add("regular_" + i);
            }
            Set<String> drafted = new HashSet<>();
            forEachDraft(http, api, "all", d -> drafted.add(d.at("/mention/author/handle").asText().replace("@", "")));
            for (JsonNode d : http.getJson(api + "/api/ignored?limit=500", TOKEN, 200)) {
                drafted.add(d.at("/mention/author/handle").asText().replace("@", ""));
            }
            assertThat(ordinaryAuthors).as("every ordinary post drafted or left alone").allSatisfy(a -> assertThat(drafted).contains(a));
        } finally {
            if (app != null) {
                app.stop();
            }
            simulator.stop();
            hook.close();
        }
    }

    /** Each post got exactly one reply from the brand, in its own thread, naming its author, and no two texts alike on an account. */
    private static void assertEachOwnThreadAndText(Http http, Simulator simulator, List<JsonNode> posts, String idField) throws Exception {
        Map<String, JsonNode> wanted = new HashMap<>();
        posts.forEach(p -> wanted.put(p.get(idField).asText(), p));
        Map<String, List<String>> replies = http.await(Duration.ofMinutes(3), "a reply to each of " + wanted.size() + " posts", () -> {
            Map<String, List<String>> out = new HashMap<>();
            for (JsonNode p : http.getJson(simulator.baseUrl() + "/sim/published", "unused", 200)) {
                String to = p.at("/referenced_tweets/0/id").asText();
                if (wanted.containsKey(to)) {
                    assertThat(p.get("conversation_id").asText()).as("in the post's own thread").isEqualTo(to);
                    out.computeIfAbsent(to, k -> new ArrayList<>()).add(p.get("text").asText());
                }
            }
            for (JsonNode c : http.getJson(simulator.baseUrl() + "/sim/graph/published", "unused", 200)) {
                String to = c.get("inReplyToId").asText();
                if (wanted.containsKey(to)) {
                    out.computeIfAbsent(to, k -> new ArrayList<>()).add(c.get("text").asText());
                }
            }
            return out.size() == wanted.size() ? out : null;
        });
        Set<String> texts = new HashSet<>();
        replies.forEach((post, rs) -> {
            assertThat(rs).as("one reply to " + post).hasSize(1);
            texts.add(rs.get(0));
        });
        assertThat(texts).as("never the same text twice").hasSize(wanted.size());
    }

    private static java.util.Optional<Topic> topicOf(JsonNode cluster) {
        for (Topic t : TOPICS) {
            if (StreamSupport.stream(cluster.get("examples").spliterator(), false)
                    .allMatch(e -> e.at("/author/handle").asText().replace("@", "").startsWith(t.prefix()))) {
                return java.util.Optional.of(t);
            }
        }
        return java.util.Optional.empty();
    }

    private static JsonNode largest(List<JsonNode> clusters) {
        return clusters.stream().max(Comparator.comparingInt(c -> c.get("size").asInt())).orElseThrow();
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    /** Every draft of a status, page by page. */
    private static void forEachDraft(Http http, String api, String status, java.util.function.Consumer<JsonNode> each) throws Exception {
        long after = 0;
        for (List<JsonNode> page; !(page = list(http.getJson(api + "/api/drafts?status=" + status + "&limit=500" + (after > 0 ? "&after=" + after : ""),
                TOKEN, 200))).isEmpty(); after = page.get(page.size() - 1).get("id").asLong()) {
            page.forEach(each);
        }
    }

    private static List<JsonNode> surgeAlerts(Http http, String api) throws Exception {
        return StreamSupport.stream(http.getJson(api + "/api/alerts", TOKEN, 200).spliterator(), false)
                .filter(a -> a.get("kind").asText().equals("surge")).toList();
    }

    /** Ordinary traffic on X and Facebook throughout; from SURGE_AT, the three topics' posts interleaved, 50 ms apart. */
    static String scenario() {
        String[] ordinary = {
            "@acmeair can I change my seat after booking?",
            "@acmeair thank you for the lovely crew on AA12 today!",
            "@acmeair I was charged twice for my booking",
            "@acmeair how many bags are included on economy to Lisbon?",
            "@acmeair the wifi on my flight was great, thanks",
            "@acmeair do you have vegetarian meals to Paris?"};
        List<String> posts = new ArrayList<>();
        for (int i = 0; i < ORDINARY; i++) {
            posts.add(step("o" + i, (i * ORDINARY_SPACING.toMillis()) + "ms", "regular_" + i, ordinary[i % ordinary.length], i % 4 == 3 ? "facebook" : "x"));
        }
        int[] left = TOPICS.stream().mapToInt(Topic::posts).toArray();
        int total = TOPICS.stream().mapToInt(Topic::posts).sum();
        int n = 0;
        while (n < total) {
            for (int k = 0; k < TOPICS.size(); k++) {
                if (left[k] == 0) {
                    continue;
                }
                Topic t = TOPICS.get(k);
                int i = t.posts() - left[k]--;
                String text = String.format(t.texts()[i % t.texts().length], 200 + i % 7);
                posts.add(step("s" + n, (SURGE_AT.toMillis() + n * SURGE_SPACING.toMillis()) + "ms", t.prefix() + i, text, n % 3 == 2 ? "facebook" : "x"));
                n++;
            }
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
                "CARELOOP_ADMIN_PASSWORD", "crisis-admin-password")));
        return Settings.load(env, SimulatedPlatforms.onX(simulator, dir.resolve("db"), Map.ofEntries(
                Map.entry("careloop.facebook.pages", "brand"),
                Map.entry("careloop.facebook.brand.page-token-file", token.toString()),
                Map.entry("careloop.instagram.accounts", ""),
                Map.entry("careloop.facebook.api-url", simulator.baseUrl() + "/"),
                Map.entry("careloop.facebook.poll-cron", "0/2 * * * * ?"),
                Map.entry("careloop.sla.webhook-url", webhook),
                Map.entry("careloop.outbox.interval", "500ms"),
                // A short window and baseline, so the test needs minutes, not hours, of ordinary traffic first.
                Map.entry("careloop.surge.window", "1m"),
                Map.entry("careloop.surge.baseline", "30m"),
                Map.entry("careloop.surge.check-interval", "5s"),
                Map.entry("careloop.rules.dir", dir.resolve("no-rules-here").toString()))));
    }
}
