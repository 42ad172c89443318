package org.careloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.careloop.analysis.Analysis;
import org.careloop.analysis.Sentiment;
import org.careloop.care.Draft;
import org.careloop.care.DraftStatus;
import org.careloop.config.Json;
import org.careloop.platform.Author;
import org.careloop.platform.Connections;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.careloop.platform.PlatformAdapter;
import org.careloop.platform.PlatformException;
import org.careloop.store.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The console and API over real HTTP (Camel platform-http and the routes in routes/console.yaml and routes/api.yaml), on a real database. */
class WebApiTest {

    static final String TOKEN = "web-test-token";
    static final AtomicInteger IDS = new AtomicInteger();
    static Database db;
    static Connections connections;
    static TestWeb.Server served;
    /** What the database ping answers; a test turns it off to see the health check fail. */
    static final java.util.concurrent.atomic.AtomicBoolean DB_UP = new java.util.concurrent.atomic.AtomicBoolean(true);
    static String base;
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    /** The API's clock: the system's, which a test may move forward (never back) to order decisions without sleeping. */
    static final AheadClock CLOCK = new AheadClock();

    /** The system clock plus a lead that only grows: everything the API stamps stays in order across tests. */
    static final class AheadClock extends Clock {
        private final AtomicReference<Duration> lead = new AtomicReference<>(Duration.ZERO);

        void advance(Duration by) {
            lead.updateAndGet(l -> l.plus(by));
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(lead.get());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        db = Database.open("jdbc:h2:mem:webtest;DB_CLOSE_DELAY=-1", "sa", "");
        db.users().save(new UserStore.User("agent", Sessions.hash("agent-password"), UserStore.Role.AGENT));
        db.users().save(new UserStore.User("mark", Sessions.hash("mark-password"), UserStore.Role.MARKETING));
        connections = new Connections();
        connections.register(new StubAdapter());
        Clock clock = CLOCK;
        WebEndpoints web = TestWeb.endpoints(db, connections, clock, () -> DB_UP.get() && db.ping(), Optional.of(TOKEN));
        served = TestWeb.serve(db, web, TestWeb.praise(db, web, clock, Optional.empty()), TestWeb.moderation(db, web, new Connections()));
        base = served.base();
    }

    @AfterAll
    static void stop() {
        served.close();
        db.close();
    }

    static long newDraft() {
        return newDraft(Platform.X, "Sorry Jana");
    }

    static long newDraft(Platform platform, String text) {
        String id = String.valueOf(1000 + IDS.incrementAndGet());
        Mention m = new Mention(platform, "brand", id, new Author("7", "jana", "Jana <b>K</b>"), "@acmeair <script>alert(1)</script> my bag",
                "en", Instant.now(), id, null, "https://x.com/jana/status/" + id, false, false);
        db.mentions().insertIfNew(m);
        return db.drafts().create(new Draft(0, m, new Analysis("en", new Sentiment(Sentiment.Label.NEGATIVE, -0.5, 0.7), List.of("r")),
                "problem", "problem", text, DraftStatus.PENDING, Instant.now(), Instant.now().plusSeconds(600), null, null, null, null)).id();
    }

    static HttpResponse<String> call(String method, String path, String body, String... headers) throws Exception {
        return TestWeb.call(http, base, method, path, body, headers);
    }

    static String login(String user, String password) throws Exception {
        HttpResponse<String> r = TestWeb.login(http, base, user, password);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/");
        return cookie.split(";")[0];
    }

    static String csrf(String cookie) throws Exception {
        return TestWeb.csrf(http, base, cookie);
    }

    @Test
    void apiNeedsATokenOrASession() throws Exception {
        assertThat(call("GET", "/api/drafts", null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/drafts", null, "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> ok = call("GET", "/api/drafts", null, "Authorization", "Bearer " + TOKEN);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Authorization")).isEmpty();
        assertThat(ok.headers().firstValue("Cache-Control")).as("answers are never cached").contains("no-store");
    }

    @Test
    void aSetAsidePostIsListedAndCanBeDismissed() throws Exception {
        String id = String.valueOf(5000 + IDS.incrementAndGet());
        Mention m = new Mention(Platform.X, "brand", id, new Author("8", "omar", "Omar"), "@acmeair where is my refund", "en", Instant.now(),
                id, null, "https://x.com/omar/status/" + id, false, false);
        for (int i = 1; i <= 3; i++) {
            assertThat(db.mentions().admit(m, 3)).isTrue();
            db.mentions().triageFailed(Platform.X, id, "database refused the draft");
        }
        String auth = "Bearer " + TOKEN;
        HttpResponse<String> list = call("GET", "/api/unprocessed", null, "Authorization", auth);
        assertThat(list.statusCode()).isEqualTo(200);
        var posts = org.careloop.config.Json.mapper().readTree(list.body());
        assertThat(posts).anySatisfy(u -> {
            assertThat(u.at("/mention/id").asText()).isEqualTo(id);
            assertThat(u.get("attempts").asInt()).isEqualTo(3);
            assertThat(u.get("error").asText()).isEqualTo("database refused the draft");
        });
        assertThat(call("POST", "/api/mentions/x/" + id + "/dismiss", "{}", "Authorization", auth).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/unprocessed", null, "Authorization", auth).body()).doesNotContain(id);
        assertThat(call("POST", "/api/mentions/x/" + id + "/dismiss", "{}", "Authorization", auth).statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/mentions/x/" + id + "/retry", "{}", "Authorization", auth).statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/mentions/nowhere/" + id + "/dismiss", "{}", "Authorization", auth).statusCode()).isEqualTo(404);
        assertThat(db.audit().latest(5)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("post.dismiss");
            assertThat(e.subject()).isEqualTo("x/" + id);
        });
        assertThat(db.mentions().admit(m, 3)).as("dismissed: never triaged again").isFalse();
    }

    @Test
    void assetsAreRevalidatedAndTheChartLibraryIsServed() throws Exception {
        HttpResponse<String> js = call("GET", "/assets/console.js", null);
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("Cache-Control")).contains("no-cache");
        HttpResponse<String> chart = call("GET", "/assets/chart.js", null);
        assertThat(chart.statusCode()).isEqualTo(200);
        assertThat(chart.body()).contains("Chart.js");
        String etag = chart.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = call("GET", "/assets/chart.js", null, "If-None-Match", etag);
        assertThat(again.statusCode()).as("unchanged: not sent again").isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(call("GET", "/assets/chart.js", null, "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
        assertThat(call("GET", "/assets/chart.umd.js", null).statusCode()).isEqualTo(404);
    }

    /** A page of the queue is not its size: the badge counts every waiting draft. */
    @Test
    void theQueuesSizeCountsBeyondOnePage() throws Exception {
        newDraft();
        newDraft();
        newDraft();
        var size = Json.mapper().readTree(call("GET", "/api/queue", null, "Authorization", "Bearer " + TOKEN).body());
        var all = Json.mapper().readTree(call("GET", "/api/drafts?status=pending&limit=500", null, "Authorization", "Bearer " + TOKEN).body());
        var page = Json.mapper().readTree(call("GET", "/api/drafts?status=pending&limit=2", null, "Authorization", "Bearer " + TOKEN).body());
        assertThat(page.size()).isEqualTo(2);
        assertThat(size.get("pending").asInt()).isEqualTo(all.size()).isGreaterThanOrEqualTo(3);
        assertThat(size.get("snoozed").asInt()).isGreaterThanOrEqualTo(0);
        assertThat(call("GET", "/api/queue", null).statusCode()).isEqualTo(401);
    }

    /**
     * The badge is the list's own count: with more drafts than a page shows, every page says how many wait
     * in all, and following its Link from page to page reaches each waiting draft once, most urgent first.
     */
    @Test
    void theQueuesTrueCountComesWithEveryPageAndItsLinkReachesEveryDraft() throws Exception {
        for (int i = 0; i < 120; i++) {
            newDraft();
        }
        String auth = "Bearer " + TOKEN;
        HttpResponse<String> first = call("GET", "/api/drafts?status=pending&limit=50", null, "Authorization", auth);
        int waiting = Json.mapper().readTree(call("GET", "/api/queue", null, "Authorization", auth).body()).get("pending").asInt();
        assertThat(waiting).isGreaterThanOrEqualTo(120);
        assertThat(first.headers().firstValue("X-Total-Count")).contains(String.valueOf(waiting));
        assertThat(Json.mapper().readTree(first.body()).size()).isEqualTo(50);

        List<Long> ids = new java.util.ArrayList<>();
        List<Instant> deadlines = new java.util.ArrayList<>();
        HttpResponse<String> page = first;
        int pages = 0;
        while (true) {
            pages++;
            assertThat(page.headers().firstValue("X-Total-Count")).contains(String.valueOf(waiting));
            for (var d : Json.mapper().readTree(page.body())) {
                ids.add(d.get("id").asLong());
                deadlines.add(Instant.parse(d.get("deadline").asText()));
            }
            var link = page.headers().firstValue("Link");
            if (link.isEmpty()) {
                break;
            }
            var next = java.util.regex.Pattern.compile("^<(/api/drafts\\?status=pending&limit=50&after=\\d+)>; rel=\"next\"$").matcher(link.get());
            assertThat(next.matches()).as(link.get()).isTrue();
            page = call("GET", next.group(1), null, "Authorization", auth);
        }
        assertThat(pages).isEqualTo((waiting + 49) / 50);
        assertThat(ids).hasSize(waiting).doesNotHaveDuplicates();
        assertThat(deadlines).isSorted();

        // Without a limit the list is as it was: up to 500 drafts, now with the count beside them.
        HttpResponse<String> whole = call("GET", "/api/drafts?status=pending", null, "Authorization", auth);
        assertThat(Json.mapper().readTree(whole.body()).size()).isEqualTo(Math.min(waiting, 500));
        assertThat(whole.headers().firstValue("X-Total-Count")).contains(String.valueOf(waiting));
        HttpResponse<String> decided = call("GET", "/api/drafts?status=decided&limit=1", null, "Authorization", auth);
        assertThat(decided.headers().firstValue("X-Total-Count")).contains(String.valueOf(db.drafts().countByStatus().entrySet().stream()
                .filter(e -> e.getKey() != DraftStatus.PENDING).mapToInt(java.util.Map.Entry::getValue).sum()));
        assertThat(call("GET", "/api/drafts?status=pending&after=999999999", null, "Authorization", auth).statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/drafts?status=pending&after=x", null, "Authorization", auth).statusCode()).isEqualTo(400);
    }

    /** Alerts of one kind come back as one entry that sums them; each is still reachable by its kind. */
    @Test
    void alertsOfOneKindComeBackAsOneSummedEntry() throws Exception {
        db.alerts().acknowledgeKind("sla-breach", "test");
        db.alerts().acknowledgeKind("connection", "test");
        db.alerts().raise("sla-breach", null, "36 replies passed the 10-minute target while CareLoop was stopped", 36);
        List<Long> late = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long draft = newDraft();
            late.add(0, draft);
            db.alerts().raise("sla-breach", draft, "No public reply to @jana within the 10-minute target (draft " + draft + ")");
        }
        db.alerts().raise("connection", null, "facebook account brand is unhealthy: code 190");
        for (String path : List.of("/api/alerts", "/api/status")) {
            var body = Json.mapper().readTree(call("GET", path, null, "Authorization", "Bearer " + TOKEN).body());
            var alerts = path.equals("/api/status") ? body.get("alerts") : body;
            var breaches = java.util.stream.StreamSupport.stream(alerts.spliterator(), false)
                    .filter(a -> a.get("kind").asText().equals("sla-breach")).toList();
            assertThat(breaches).as(path).hasSize(1);
            var line = breaches.get(0);
            assertThat(line.get("message").asText()).isEqualTo("66 replies past the 10-minute target");
            assertThat(line.get("count").asInt()).isEqualTo(66);
            assertThat(line.get("alerts").asInt()).isEqualTo(31);
            assertThat(line.get("draftIds")).extracting(com.fasterxml.jackson.databind.JsonNode::asLong).containsExactlyElementsOf(late.subList(0, 5));
            assertThat(line.get("latest").get(0).get("message").asText()).endsWith("(draft " + late.get(0) + ")");
            var connection = java.util.stream.StreamSupport.stream(alerts.spliterator(), false)
                    .filter(a -> a.get("kind").asText().equals("connection")).toList();
            assertThat(connection).as("a kind with one alert is that alert").hasSize(1);
            assertThat(connection.get(0).get("message").asText()).isEqualTo("facebook account brand is unhealthy: code 190");
            assertThat(connection.get(0).get("count").asInt()).isEqualTo(1);
        }
        var each = Json.mapper().readTree(call("GET", "/api/alerts?kind=sla-breach&limit=31", null, "Authorization", "Bearer " + TOKEN).body());
        assertThat(each).hasSize(31);
        assertThat(each.get(0).get("draftId").asLong()).isEqualTo(late.get(0));
        assertThat(each.get(30).get("count").asInt()).isEqualTo(36);
        assertThat(call("GET", "/api/alerts?kind=sla-breach&limit=0", null, "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(400);
    }

    /** A thousand breaches are one line with a count, dismissed together. */
    @Test
    void alertsOfOneKindAreCountedAndDismissedTogether() throws Exception {
        for (int i = 0; i < 5; i++) {
            db.alerts().raise("sla-breach", null, "No public reply to @pat" + i + " within the 10-minute target");
        }
        db.alerts().raise("escalation", null, "Escalated: a wheelchair user stranded at DEN");
        var status = Json.mapper().readTree(call("GET", "/api/status", null, "Authorization", "Bearer " + TOKEN).body());
        assertThat(status.at("/alertsByKind/sla-breach").asInt()).isGreaterThanOrEqualTo(5);
        HttpResponse<String> ack = call("POST", "/api/alerts/kind/sla-breach/ack", "{}", "Authorization", "Bearer " + TOKEN);
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(Json.mapper().readTree(ack.body()).get("acknowledged").asInt()).isGreaterThanOrEqualTo(5);
        status = Json.mapper().readTree(call("GET", "/api/status", null, "Authorization", "Bearer " + TOKEN).body());
        assertThat(status.at("/alertsByKind/sla-breach").isMissingNode()).as("none left open").isTrue();
        assertThat(status.at("/alertsByKind/escalation").asInt()).as("other kinds stay").isGreaterThanOrEqualTo(1);
        assertThat(call("POST", "/api/alerts/kind/sla-breach/ack", "{}", "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(404);
    }

    /** A surge is an alert of kind surge, with what it is about and its posts per minute for the console's chart. */
    @Test
    void aSurgeAlertCarriesItsSurgeAndItsPostsPerMinute() throws Exception {
        java.time.Instant minute = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        java.time.Instant start = minute.minusSeconds(120);
        java.time.Instant since = db.surges().countingSince(minute.minusSeconds(3600));
        for (int i = 0; i < 3; i++) {
            for (int n = 0; n < 10 * (i + 1); n++) {
                db.surges().count(start.plusSeconds(60L * i), List.of("topic:cancel"));
            }
        }
        var surge = db.surges().start(new org.careloop.care.Surges.Surge(0, "topic:cancel", "posts about “cancelled flight”", start,
                minute, null, 0.25, 25, 60, 30, null), "Posts about “cancelled flight”: 60 posts since 10:00 UTC (usually 15 an hour)").orElseThrow();
        // A crisis's flood of other alerts (escalations, one per post) never pushes the surge out of either list.
        for (int i = 0; i < 210; i++) {
            db.alerts().raise("escalation", null, "Rule escalate-stranded escalated @stranded" + i);
        }
        for (String path : List.of("/api/alerts", "/api/status")) {
            var body = Json.mapper().readTree(call("GET", path, null, "Authorization", "Bearer " + TOKEN).body());
            var alerts = path.equals("/api/status") ? body.get("alerts") : body;
            var alert = java.util.stream.StreamSupport.stream(alerts.spliterator(), false)
                    .filter(a -> a.get("id").asLong() == surge.alertId()).findFirst().orElseThrow();
            assertThat(alert.get("kind").asText()).as(path).isEqualTo("surge");
            assertThat(alert.get("message").asText()).startsWith("Posts about “cancelled flight”: 60 posts");
            assertThat(alert.at("/surge/series").asText()).isEqualTo("topic:cancel");
            assertThat(alert.at("/surge/about").asText()).isEqualTo("posts about “cancelled flight”");
            assertThat(alert.at("/surge/since").asText()).isEqualTo(start.toString());
            assertThat(alert.at("/surge/endedAt").isNull()).isTrue();
            assertThat(alert.at("/surge/posts").asInt()).isEqualTo(60);
            assertThat(alert.at("/surge/usualPerMinute").asDouble()).isEqualTo(0.25);
            // The chart starts half an hour before the surge (not before counting began) and reaches this minute: ..., 0, 10, 20, 30.
            java.time.Instant from = java.time.Instant.parse(alert.at("/surge/chart/from").asText());
            java.time.Instant counted = since.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
            assertThat(from).isEqualTo(counted.isAfter(start.minusSeconds(1800)) ? counted : start.minusSeconds(1800));
            int before = (int) java.time.Duration.between(from, start).toMinutes();
            var perMinute = alert.at("/surge/chart/perMinute");
            assertThat(perMinute.size()).as("up to this minute (the next, if it began meanwhile)").isBetween(before + 3, before + 4);
            assertThat(perMinute.get(before - 1).asInt()).isZero();
            assertThat(List.of(perMinute.get(before).asInt(), perMinute.get(before + 1).asInt(), perMinute.get(before + 2).asInt()))
                    .containsExactly(10, 20, 30);
        }
        db.alerts().acknowledgeKind("escalation", "test");
        db.alerts().acknowledge(surge.alertId(), "test");
        var other = Json.mapper().readTree(call("GET", "/api/alerts", null, "Authorization", "Bearer " + TOKEN).body());
        assertThat(java.util.stream.StreamSupport.stream(other.spliterator(), false).filter(a -> !a.get("kind").asText().equals("surge")))
                .allSatisfy(a -> assertThat(a.has("surge")).isFalse());
    }

    @Test
    void draftJsonHasTheFixedFields() throws Exception {
        long id = newDraft();
        var d = Json.mapper().readTree(call("GET", "/api/drafts/" + id, null, "Authorization", "Bearer " + TOKEN).body());
        assertThat(d.get("id").asLong()).isEqualTo(id);
        assertThat(d.get("platform").asText()).isEqualTo("x");
        assertThat(d.get("status").asText()).isEqualTo("pending");
        assertThat(d.get("text").asText()).isEqualTo("Sorry Jana");
        assertThat(d.get("deadline").asText()).endsWith("Z");
        assertThat(d.at("/mention/author/handle").asText()).isEqualTo("jana");
        assertThat(d.at("/mention/text").asText()).contains("my bag");
        var list = Json.mapper().readTree(call("GET", "/api/drafts?status=pending", null, "Authorization", "Bearer " + TOKEN).body());
        assertThat(list.findValuesAsText("id")).contains(String.valueOf(id));
        assertThat(call("GET", "/api/drafts?status=bogus", null, "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(400);
        // A request header named like a query parameter is no query parameter.
        assertThat(call("GET", "/api/drafts", null, "Authorization", "Bearer " + TOKEN, "status", "bogus").statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/drafts", null, "Authorization", "Bearer " + TOKEN, "limit", "0").statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/reports", null, "Authorization", "Bearer " + TOKEN, "days", "-5").statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/drafts/999999", null, "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void approveOnceThenConflictAndRejectWithReason() throws Exception {
        long id = newDraft();
        HttpResponse<String> first = call("POST", "/api/drafts/" + id + "/approve", "{\"text\":\"Edited: so sorry Jana\"}", "Authorization", "Bearer " + TOKEN);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(Json.mapper().readTree(first.body()).get("text").asText()).isEqualTo("Edited: so sorry Jana");
        HttpResponse<String> second = call("POST", "/api/drafts/" + id + "/approve", null, "Authorization", "Bearer " + TOKEN);
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.body()).contains("approved");
        long other = newDraft();
        HttpResponse<String> rejected = call("POST", "/api/drafts/" + other + "/reject", "{\"reason\":\"troll\"}", "Authorization", "Bearer " + TOKEN);
        assertThat(Json.mapper().readTree(rejected.body()).get("status").asText()).isEqualTo("rejected");
        assertThat(db.outbox().due(Instant.now().plusSeconds(1), 100)).anyMatch(e -> e.draftId() == id).noneMatch(e -> e.draftId() == other);
    }

    /** A follow-up's thread shows our reply between the customer's posts, so the agent sees what they are answering. */
    @Test
    void aFollowUpsThreadShowsOurReplyInIt() throws Exception {
        long first = newDraft();
        String conversation = db.drafts().find(first).orElseThrow().mention().id();
        assertThat(call("POST", "/api/drafts/" + first + "/approve", "{\"text\":\"So sorry, Jana. Which flight was it?\"}", "Authorization", "Bearer " + TOKEN)
                .statusCode()).isEqualTo(200);
        String id = String.valueOf(1000 + IDS.incrementAndGet());
        Mention next = new Mention(Platform.X, "brand", id, new Author("7", "jana", "Jana"), "@acmeair flight 2231 from Denver", "en",
                Instant.now().plusSeconds(5), conversation, conversation, null, false, false);
        db.mentions().insertIfNew(next);
        long followUp = db.drafts().create(new Draft(0, next, new Analysis("en", new Sentiment(Sentiment.Label.NEUTRAL, 0, 0.7), List.of("r")),
                "thread-answer", "thread-reply", "Thanks, Jana.", DraftStatus.PENDING, Instant.now(), Instant.now().plusSeconds(600), null, null, null, null)).id();
        var thread = Json.mapper().readTree(call("GET", "/api/drafts/" + followUp, null, "Authorization", "Bearer " + TOKEN).body()).get("thread");
        assertThat(thread.findValuesAsText("text")).containsExactly("@acmeair <script>alert(1)</script> my bag",
                "So sorry, Jana. Which flight was it?", "@acmeair flight 2231 from Denver");
        assertThat(thread.findValuesAsText("ours")).containsExactly("false", "true", "false");
        assertThat(thread.get(1).at("/author/handle").asText()).isEqualTo("brand");
    }

    @Test
    void sessionsNeedTheCsrfTokenToChangeAnything() throws Exception {
        String cookie = login("agent", "agent-password");
        long id = newDraft();
        assertThat(call("GET", "/api/drafts/" + id, null, "Cookie", cookie).statusCode()).isEqualTo(200);
        assertThat(call("POST", "/api/drafts/" + id + "/approve", "{}", "Cookie", cookie).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/drafts/" + id + "/approve", "{}", "Cookie", cookie, "X-CSRF-Token", "guess").statusCode()).isEqualTo(403);
        HttpResponse<String> ok = call("POST", "/api/drafts/" + id + "/approve", "{}", "Cookie", cookie, "X-CSRF-Token", csrf(cookie));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(Json.mapper().readTree(ok.body()).get("decidedBy").asText()).isEqualTo("agent");
    }

    @Test
    void marketingCannotSeeDrafts() throws Exception {
        String cookie = login("mark", "mark-password");
        assertThat(call("GET", "/api/drafts", null, "Cookie", cookie).statusCode()).isEqualTo(403);
    }

    @Test
    void consolePageNeedsLoginAndEscapesNothingServerSide() throws Exception {
        HttpResponse<String> anon = call("GET", "/", null);
        assertThat(anon.statusCode()).isEqualTo(303);
        assertThat(anon.headers().firstValue("Location")).contains("/login");
        HttpResponse<String> page = call("GET", "/", null, "Cookie", login("agent", "agent-password"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'self'");
        assertThat(page.body()).contains("Waiting for approval").doesNotContain("<script>alert");
        assertThat(call("GET", "/assets/console.js", null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/assets/..%2Fapplication.properties", null).statusCode()).isEqualTo(404);
    }

    @Test
    void wrongPasswordsAreRefusedAndThenSlowedDown() throws Exception {
        HttpResponse<String> wrong = TestWeb.login(http, base, "agent", "nope");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
        int last = 0;
        for (int i = 0; i < Sessions.MAX_FAILURES + 1; i++) {
            last = TestWeb.login(http, base, "nobody", "nope").statusCode();
        }
        assertThat(last).isEqualTo(429);
    }

    @Test
    void healthReportsDatabaseAndEveryConnection() throws Exception {
        HttpResponse<String> up = call("GET", "/health", null);
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(Json.mapper().readTree(up.body()).get("database").asText()).isEqualTo("UP");
        connections.failed("stub", new PlatformException(PlatformException.Kind.AUTH, "401 credentials rejected", null));
        try {
            HttpResponse<String> down = call("GET", "/health", null);
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("credentials rejected");
            var accounts = Json.mapper().readTree(call("GET", "/api/accounts", null, "Authorization", "Bearer " + TOKEN).body());
            assertThat(accounts.get(0).get("healthy").asBoolean()).isFalse();
        } finally {
            connections.succeeded("stub");
        }
    }

    @Test
    void healthIsDownWhenTheDatabaseDoesNotAnswer() throws Exception {
        DB_UP.set(false);
        try {
            HttpResponse<String> down = call("GET", "/health", null);
            assertThat(down.statusCode()).isEqualTo(503);
            var body = Json.mapper().readTree(down.body());
            assertThat(body.get("status").asText()).isEqualTo("DOWN");
            assertThat(body.get("database").asText()).isEqualTo("DOWN");
        } finally {
            DB_UP.set(true);
        }
        assertThat(call("GET", "/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void rejectAnswers404And409LikeApprove() throws Exception {
        assertThat(call("POST", "/api/drafts/999999/reject", null, "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/drafts/abc/approve", null, "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(404);
        long id = newDraft();
        assertThat(call("POST", "/api/drafts/" + id + "/reject", null, "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
        HttpResponse<String> again = call("POST", "/api/drafts/" + id + "/approve", null, "Authorization", "Bearer " + TOKEN);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Json.mapper().readTree(again.body()).get("error").asText()).contains("rejected");
        assertThat(call("POST", "/api/drafts/" + newDraft() + "/approve", "not json", "Authorization", "Bearer " + TOKEN).statusCode())
                .isEqualTo(400);
        assertThat(call("POST", "/api/drafts/" + id + "/approve", null).statusCode()).isEqualTo(401);
    }

    @Test
    void decidedListsTheLatestDecisionsFirst() throws Exception {
        long first = newDraft();
        long second = newDraft();
        long third = newDraft();
        // Decided second, third, first: latest decision first is first, third, second, which neither ascending nor descending
        // ids (nor earliest decision first) give. The API's clock moves a millisecond between them, so no two decisions tie
        // (a tie would fall back on the ids) however coarse the system clock is; a millisecond, so other tests' "due
        // within a second" still holds.
        String auth = "Bearer " + TOKEN;
        assertThat(call("POST", "/api/drafts/" + second + "/approve", null, "Authorization", auth).statusCode()).isEqualTo(200);
        CLOCK.advance(Duration.ofMillis(1));
        assertThat(call("POST", "/api/drafts/" + third + "/reject", null, "Authorization", auth).statusCode()).isEqualTo(200);
        CLOCK.advance(Duration.ofMillis(1));
        assertThat(call("POST", "/api/drafts/" + first + "/approve", null, "Authorization", auth).statusCode()).isEqualTo(200);
        var decided = Json.mapper().readTree(call("GET", "/api/drafts?status=decided", null, "Authorization", auth).body());
        // Only this test's drafts: the other tests decide drafts of their own in the same database.
        List<Long> mine = new ArrayList<>();
        decided.forEach(d -> {
            long id = d.get("id").asLong();
            if (id == first || id == second || id == third) {
                mine.add(id);
            }
        });
        assertThat(mine).as("this test's drafts, as listed").containsExactly(first, third, second);
        assertThat(call("GET", "/api/drafts?status=decided&limit=0", null, "Authorization", auth).statusCode()).isEqualTo(400);
    }

    @Test
    void marketingCannotApprove() throws Exception {
        String cookie = login("mark", "mark-password");
        long id = newDraft();
        assertThat(call("POST", "/api/drafts/" + id + "/approve", "{}", "Cookie", cookie, "X-CSRF-Token", csrf(cookie)).statusCode()).isEqualTo(403);
        assertThat(db.drafts().find(id).orElseThrow().status()).isEqualTo(DraftStatus.PENDING);
    }

    @Test
    void logoutEndsTheSessionOnlyWithItsCsrfToken() throws Exception {
        String cookie = login("agent", "agent-password");
        HttpResponse<String> forged = call("POST", "/logout", "csrf=guess", "Cookie", cookie, "Content-Type", "application/x-www-form-urlencoded");
        assertThat(forged.statusCode()).isEqualTo(303);
        assertThat(call("GET", "/api/drafts", null, "Cookie", cookie).statusCode()).isEqualTo(200);
        HttpResponse<String> out = call("POST", "/logout", "csrf=" + csrf(cookie), "Cookie", cookie, "Content-Type", "application/x-www-form-urlencoded");
        assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        assertThat(call("GET", "/api/drafts", null, "Cookie", cookie).statusCode()).isEqualTo(401);
    }

    @Test
    void credentialsAndTokensInTheUrlAreIgnored() throws Exception {
        TestWeb.LoginForm form = TestWeb.loginForm(http, base);
        assertThat(call("POST", "/login?username=agent&password=agent-password", "csrf=" + form.csrf(), "Cookie", form.cookie(),
                "Content-Type", "application/x-www-form-urlencoded").statusCode()).isEqualTo(401);
        assertThat(call("POST", "/login?password=agent-password", "username=agent&csrf=" + form.csrf(), "Cookie", form.cookie(),
                "Content-Type", "application/x-www-form-urlencoded").statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/drafts?Authorization=Bearer%20" + TOKEN, null).statusCode()).isEqualTo(401);
        String cookie = login("agent", "agent-password");
        long id = newDraft();
        assertThat(call("POST", "/api/drafts/" + id + "/approve?X-CSRF-Token=" + csrf(cookie), "{}", "Cookie", cookie).statusCode())
                .isEqualTo(403);
    }

    @Test
    void theLoginFormStartsNoSessionAndFramesAreRefused() throws Exception {
        HttpResponse<String> form = call("GET", "/login", null);
        assertThat(form.statusCode()).isEqualTo(200);
        // Only the form's own token, for /login alone: no session before a password.
        assertThat(form.headers().allValues("Set-Cookie")).singleElement().satisfies(c -> assertThat(c)
                .startsWith(Access.LOGIN_COOKIE + "=").contains("Path=/login").contains("HttpOnly").contains("SameSite=Strict"));
        assertThat(form.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'none'");
        assertThat(form.body()).contains("name=\"password\"");
    }

    /** Defect 8 (login CSRF): a login form on another site cannot sign a visitor into the attacker's account. */
    @Test
    void aLoginSentFromAnotherSiteIsRefusedAndTheConsolesOwnFormWorks() throws Exception {
        String credentials = "username=agent&password=agent-password";
        String urlencoded = "application/x-www-form-urlencoded";
        // What another site's form sends: the right credentials (the attacker's own), but no token of ours.
        HttpResponse<String> forged = call("POST", "/login", credentials, "Content-Type", urlencoded, "Origin", "https://evil.example",
                "Sec-Fetch-Site", "cross-site");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(Access.COOKIE + "="));
        assertThat(forged.body()).contains("sent from another site").contains("name=\"csrf\"");
        assertThat(call("POST", "/login", credentials, "Content-Type", urlencoded).statusCode()).as("no token").isEqualTo(403);
        // A token of ours does not help a cross-site request, nor one whose cookie is another form's.
        TestWeb.LoginForm form = TestWeb.loginForm(http, base);
        String withToken = credentials + "&csrf=" + form.csrf();
        for (String[] from : List.of(new String[] {"Sec-Fetch-Site", "cross-site"}, new String[] {"Sec-Fetch-Site", "same-site"},
                new String[] {"Origin", "https://evil.example"}, new String[] {"Origin", "null"})) {
            HttpResponse<String> r = call("POST", "/login", withToken, "Content-Type", urlencoded, "Cookie", form.cookie(), from[0], from[1]);
            assertThat(r.statusCode()).as(String.join(": ", from)).isEqualTo(403);
            assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(Access.COOKIE + "="));
        }
        assertThat(call("POST", "/login", withToken, "Content-Type", urlencoded, "Cookie", TestWeb.loginForm(http, base).cookie())
                .statusCode()).as("another form's cookie").isEqualTo(403);
        // The console's own form, as a browser sends it.
        HttpResponse<String> own = call("POST", "/login", withToken, "Content-Type", urlencoded, "Cookie", form.cookie(),
                "Origin", base, "Sec-Fetch-Site", "same-origin");
        assertThat(own.statusCode()).isEqualTo(303);
        assertThat(own.headers().firstValue("Set-Cookie").orElseThrow()).startsWith(Access.COOKIE + "=");
        assertThat(call("POST", "/login", withToken, "Content-Type", urlencoded, "Cookie", form.cookie(), "Origin", base).statusCode())
                .as("an older browser: Origin only").isEqualTo(303);
    }

    /** An account that is never polled here; only its health matters. */
    static final class StubAdapter implements PlatformAdapter {
        public Platform platform() {
            return Platform.X;
        }

        public String account() {
            return "stub";
        }

        public List<String> feeds() {
            return List.of();
        }

        public Batch fetch(String feed, String sinceCursor) {
            return new Batch(List.of(), sinceCursor);
        }

        public Published publish(Reply reply) {
            throw new UnsupportedOperationException();
        }

        public Identity identify() {
            return new Identity("1", "stub", "Stub");
        }
    }

    // ---- the care team's workflow

    @Test
    void twoAgentsNeverActOnTheSameDraftAtOnce() throws Exception {
        db.users().save(new UserStore.User("bob", Sessions.hash("bob-password"), UserStore.Role.AGENT));
        String alice = login("agent", "agent-password");
        String bob = login("bob", "bob-password");
        long id = newDraft();
        HttpResponse<String> claimed = call("POST", "/api/drafts/" + id + "/claim", "{}", "Cookie", alice, "X-CSRF-Token", csrf(alice));
        assertThat(claimed.statusCode()).isEqualTo(200);
        assertThat(Json.mapper().readTree(claimed.body()).at("/work/claimedBy").asText()).isEqualTo("agent");

        String bobCsrf = csrf(bob);
        HttpResponse<String> second = call("POST", "/api/drafts/" + id + "/claim", "{}", "Cookie", bob, "X-CSRF-Token", bobCsrf);
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.body()).contains("being handled by agent");
        assertThat(call("POST", "/api/drafts/" + id + "/approve", "{}", "Cookie", bob, "X-CSRF-Token", bobCsrf).body())
                .contains("being handled by agent");
        // everyone sees who holds it
        assertThat(Json.mapper().readTree(call("GET", "/api/drafts/" + id, null, "Cookie", bob).body()).at("/work/claimedBy").asText())
                .isEqualTo("agent");
        call("POST", "/api/drafts/" + id + "/release", "{}", "Cookie", alice, "X-CSRF-Token", csrf(alice));
        assertThat(call("POST", "/api/drafts/" + id + "/approve", "{}", "Cookie", bob, "X-CSRF-Token", bobCsrf).statusCode()).isEqualTo(200);
    }

    @Test
    void snoozeAndAssign() throws Exception {
        long id = newDraft();
        String auth = "Bearer " + TOKEN;
        assertThat(call("POST", "/api/drafts/" + id + "/snooze", "{\"minutes\": 0}", "Authorization", auth).statusCode()).isEqualTo(400);
        HttpResponse<String> snoozed = call("POST", "/api/drafts/" + id + "/snooze", "{\"minutes\": 30}", "Authorization", auth);
        assertThat(snoozed.statusCode()).isEqualTo(200);
        // The drafts' own ids: the author's id "7" is an "id" too, inside each draft.
        assertThat(Json.mapper().readTree(call("GET", "/api/drafts", null, "Authorization", auth).body()).findParents("deadline"))
                .noneMatch(d -> d.get("id").asLong() == id);
        assertThat(Json.mapper().readTree(call("GET", "/api/drafts?status=snoozed", null, "Authorization", auth).body()).findParents("deadline"))
                .anyMatch(d -> d.get("id").asLong() == id);
        assertThat(call("POST", "/api/drafts/" + id + "/assign", "{\"agent\": \"nobody-here\"}", "Authorization", auth).statusCode()).isEqualTo(400);
        HttpResponse<String> assigned = call("POST", "/api/drafts/" + id + "/assign", "{\"agent\": \"agent\"}", "Authorization", auth);
        assertThat(Json.mapper().readTree(assigned.body()).at("/work/assignedTo").asText()).isEqualTo("agent");
    }

    @Test
    void fieldsOfAnotherJsonTypeAreRefusedNamingTheField() throws Exception {
        String auth = "Bearer " + TOKEN;
        long id = newDraft();
        String[][] refused = {
            {"/api/drafts/" + id + "/approve", "{\"text\": true}", "text"},
            {"/api/drafts/" + id + "/approve", "{\"text\": 12345}", "text"},
            {"/api/drafts/" + id + "/approve", "{\"text\": [\"Sorry Jana\"]}", "text"},
            {"/api/drafts/" + id + "/reject", "{\"reason\": {\"why\": \"troll\"}}", "reason"},
            {"/api/drafts/" + id + "/snooze", "{\"minutes\": \"30\"}", "minutes"},
            {"/api/drafts/" + id + "/snooze", "{\"minutes\": 1.5}", "minutes"},
            {"/api/drafts/" + id + "/assign", "{\"agent\": {\"name\": \"agent\"}}", "agent"},
            {"/api/drafts/" + id + "/assign", "{\"agent\": 7}", "agent"},
            {"/api/unattended/kill-switch", "{\"on\": \"true\"}", "on"},
            {"/api/unattended/kill-switch", "{\"on\": 1}", "on"},
            {"/api/mentions/facebook/123_456/hide", "{\"reason\": 5}", "reason"},
        };
        assertThat(call("POST", "/api/drafts/" + id + "/assign", "{\"agent\": \"agent\"}", "Authorization", auth).statusCode()).isEqualTo(200);
        for (String[] r : refused) {
            HttpResponse<String> answer = call("POST", r[0], r[1], "Authorization", auth);
            assertThat(answer.statusCode()).as(r[1]).isEqualTo(400);
            assertThat(Json.mapper().readTree(answer.body()).get("error").asText()).as(r[1]).contains("\"" + r[2] + "\"");
        }
        Draft d = db.drafts().find(id).orElseThrow();
        assertThat(d.status()).as("neither approved nor rejected").isEqualTo(DraftStatus.PENDING);
        assertThat(d.text()).isEqualTo("Sorry Jana");
        assertThat(d.work().assignedTo()).as("an object does not unassign").isEqualTo("agent");
        assertThat(d.work().snoozedUntil()).isNull();
        assertThat(db.switches().isOn(StatusApi.KILL_SWITCH)).isFalse();
    }

    /** The REST binding reads bodies now; a body it cannot take is answered as before, word for word. */
    @Test
    void aBodyThatIsNotAJsonObjectIsRefusedWithTheSameErrorBody() throws Exception {
        String auth = "Bearer " + TOKEN;
        long id = newDraft();
        for (String body : new String[] {"not json", "{\"text\": ", "[\"Sorry Jana\"]", "42", "null"}) {
            HttpResponse<String> r = call("POST", "/api/drafts/" + id + "/approve", body, "Authorization", auth, "Content-Type", "application/json");
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).as(body).contains("application/json; charset=utf-8");
            assertThat(Json.mapper().readTree(r.body())).as(body)
                    .isEqualTo(Json.mapper().createObjectNode().put("error", "The body must be a JSON object, e.g. {\"text\": \"edited reply\"}"));
        }
        // Each call names a body it takes.
        HttpResponse<String> snooze = call("POST", "/api/drafts/" + id + "/snooze", "minutes: 5", "Authorization", auth,
                "Content-Type", "text/plain");
        assertThat(Json.mapper().readTree(snooze.body()).get("error").asText()).isEqualTo("The body must be a JSON object, e.g. {\"minutes\": 15}");
        assertThat(db.drafts().find(id).orElseThrow().status()).isEqualTo(DraftStatus.PENDING);
        // An empty or blank body is no body: every field absent.
        assertThat(call("POST", "/api/drafts/" + id + "/snooze", "", "Authorization", auth, "Content-Type", "application/json").statusCode())
                .isEqualTo(200);
        assertThat(call("POST", "/api/drafts/" + id + "/approve", "  ", "Authorization", auth).statusCode()).isEqualTo(200);
    }

    @Test
    void aFieldOfAnotherTypeIsNamedWithWhatItMustBe() throws Exception {
        String auth = "Bearer " + TOKEN;
        long id = newDraft();
        String[][] refused = {
            {"/api/drafts/" + id + "/approve", "{\"text\": 12345}", "\"text\" must be a string, not a number"},
            {"/api/drafts/" + id + "/snooze", "{\"minutes\": 1.5}", "\"minutes\" must be a whole number, not a number"},
            {"/api/drafts/" + id + "/snooze", "{\"minutes\": 99999999999999999999}", "\"minutes\" must be a whole number, not a number"},
            {"/api/drafts/" + id + "/assign", "{\"agent\": {}}", "\"agent\" must be a string, not an object"},
            {"/api/unattended/kill-switch", "{\"on\": null}", "\"on\" must be true or false, not null"},
            {"/api/unattended/kill-switch", "{\"on\": \"yes\"}", "\"on\" must be true or false, not a string"},
            {"/api/clusters/1/approve", "{\"postIds\": [\"1\", 2]}", "\"postIds\" must be a list of strings, not an array"},
            {"/api/tickets/1/messages", "{\"body\": \"hi\", \"note\": \"yes\"}", "\"note\" must be true or false, not a string"},
        };
        for (String[] r : refused) {
            HttpResponse<String> answer = call("POST", r[0], r[1], "Authorization", auth);
            assertThat(answer.statusCode()).as(r[1]).isEqualTo(400);
            assertThat(Json.mapper().readTree(answer.body()).get("error").asText()).as(r[1]).isEqualTo(r[2]);
        }
        // Unknown fields are ignored, and a null reads as absent (but for a flag).
        assertThat(call("POST", "/api/drafts/" + id + "/snooze", "{\"minutes\": null, \"why\": 1}", "Authorization", auth).statusCode()).isEqualTo(200);
    }

    /** Who is asking is decided before the body is looked at: a caller who may not call learns nothing about it. */
    @Test
    void aBadBodyFromSomeoneWhoMayNotCallIsRefusedForWhoTheyAre() throws Exception {
        long id = newDraft();
        HttpResponse<String> anonymous = call("POST", "/api/drafts/" + id + "/approve", "not json", "Content-Type", "application/json");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(Json.mapper().readTree(anonymous.body()).get("error").asText()).startsWith("Log in to the console");
        String cookie = login("agent", "agent-password");
        HttpResponse<String> noCsrf = call("POST", "/api/drafts/" + id + "/snooze", "{\"minutes\": \"5\"}", "Cookie", cookie);
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(Json.mapper().readTree(noCsrf.body()).get("error").asText()).isEqualTo("Missing or wrong X-CSRF-Token");
        String mark = login("mark", "mark-password");
        HttpResponse<String> marketing = call("POST", "/api/drafts/" + id + "/snooze", "{\"minutes\": \"5\"}", "Cookie", mark,
                "X-CSRF-Token", csrf(mark));
        assertThat(marketing.statusCode()).isEqualTo(403);
        assertThat(Json.mapper().readTree(marketing.body()).get("error").asText()).contains("marketing role");
    }

    /** Answers are written by the binding with CareLoop's mapper: ISO-8601 times, a draft's absent fields left out. */
    @Test
    void answersAreWrittenWithCareLoopsJson() throws Exception {
        long id = newDraft();
        HttpResponse<String> r = call("GET", "/api/drafts/" + id, null, "Authorization", "Bearer " + TOKEN);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
        var draft = Json.mapper().readTree(r.body());
        assertThat(draft.get("createdAt").isTextual()).as(r.body()).isTrue();
        assertThat(Instant.parse(draft.get("createdAt").asText())).isEqualTo(db.drafts().find(id).orElseThrow().createdAt());
        assertThat(draft.has("publishedId")).as("a draft's absent fields are left out").isFalse();
        var queue = Json.mapper().readTree(call("GET", "/api/queue", null, "Authorization", "Bearer " + TOKEN).body());
        assertThat(queue.get("pending").isInt()).isTrue();
        assertThat(queue.get("snoozed").isInt()).isTrue();
    }

    @Test
    void anEditLongerThanXAllowsIsRefused() throws Exception {
        long id = newDraft();
        HttpResponse<String> r = call("POST", "/api/drafts/" + id + "/approve", "{\"text\": \"" + "sorry ".repeat(60) + "\"}",
                "Authorization", "Bearer " + TOKEN);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("the limit is 280");
    }

    @Test
    void facebookAndInstagramRepliesAreHeldToTheirPlatformsLimitAtApproval() throws Exception {
        String auth = "Bearer " + TOKEN;
        long facebook = newDraft(Platform.FACEBOOK, "Sorry Jana");
        assertThat(Json.mapper().readTree(call("GET", "/api/drafts/" + facebook, null, "Authorization", auth).body()).get("replyLimit").asInt())
                .isEqualTo(8000);
        HttpResponse<String> nineKb = call("POST", "/api/drafts/" + facebook + "/approve", "{\"text\": \"" + "a".repeat(9 * 1024) + "\"}",
                "Authorization", auth);
        assertThat(nineKb.statusCode()).isEqualTo(400);
        assertThat(nineKb.body()).contains("the limit is 8000 on Facebook");
        long instagram = newDraft(Platform.INSTAGRAM, "Sorry Jana");
        HttpResponse<String> halfMb = call("POST", "/api/drafts/" + instagram + "/approve", "{\"text\": \"" + "a".repeat(1 << 19) + "\"}",
                "Authorization", auth);
        assertThat(halfMb.statusCode()).isEqualTo(400);
        assertThat(halfMb.body()).contains("the limit is 2200 on Instagram");
        // Over the API's 1 MB the body is not even read.
        assertThat(call("POST", "/api/drafts/" + instagram + "/approve", "{\"text\": \"" + "a".repeat(2 << 20) + "\"}", "Authorization", auth)
                .statusCode()).isEqualTo(413);
        assertThat(call("POST", "/api/drafts/" + instagram + "/approve", "{\"text\": \"" + "a".repeat(2200) + "\"}", "Authorization", auth)
                .statusCode()).isEqualTo(200);
        // A draft stored before the limit held is refused as it stands, not published and retried until the account looks unhealthy.
        long stored = newDraft(Platform.INSTAGRAM, "a".repeat(3000));
        assertThat(call("POST", "/api/drafts/" + stored + "/approve", "{}", "Authorization", auth).statusCode()).isEqualTo(400);
        assertThat(db.outbox().due(Instant.now().plusSeconds(1), 100)).noneMatch(e -> e.draftId() == facebook || e.draftId() == stored);
    }

    @Test
    void reasonsAndAgentNamesHaveALimit() throws Exception {
        String auth = "Bearer " + TOKEN;
        long id = newDraft();
        HttpResponse<String> reason = call("POST", "/api/drafts/" + id + "/reject", "{\"reason\": \"" + "r".repeat(100_000) + "\"}",
                "Authorization", auth);
        assertThat(reason.statusCode()).isEqualTo(400);
        assertThat(reason.body()).contains("reason is 100000 characters; the limit is 2000");
        HttpResponse<String> agent = call("POST", "/api/drafts/" + id + "/assign", "{\"agent\": \"" + "a".repeat(65) + "\"}", "Authorization", auth);
        assertThat(agent.statusCode()).isEqualTo(400);
        assertThat(agent.body()).contains("agent is 65 characters; the limit is 64");
        HttpResponse<String> hide = call("POST", "/api/mentions/x/" + id + "/hide", "{\"reason\": \"" + "r".repeat(2001) + "\"}",
                "Authorization", auth);
        assertThat(hide.statusCode()).isEqualTo(400);
        assertThat(hide.body()).contains("the limit is 2000");
        assertThat(Json.mapper().readTree(call("POST", "/api/drafts/" + id + "/reject", "{\"reason\": \"" + "r".repeat(2000) + "\"}",
                "Authorization", auth).body()).get("status").asText()).isEqualTo("rejected");
    }

    @Test
    void statusShowsRulesUnattendedModeAndAlertsAndTheKillSwitchToggles() throws Exception {
        String auth = "Bearer " + TOKEN;
        long draft = newDraft();
        var alert = db.alerts().raise("sla-warning", draft, "due soon");
        var status = Json.mapper().readTree(call("GET", "/api/status", null, "Authorization", auth).body());
        assertThat(status.at("/rules/rules").asInt()).isGreaterThan(5);
        assertThat(status.at("/rules/problem").isNull()).isTrue();
        assertThat(status.at("/unattended/killSwitchConsole").asBoolean()).isFalse();
        assertThat(status.get("alerts").findValuesAsText("message")).contains("due soon");
        assertThat(call("POST", "/api/alerts/" + alert.id() + "/ack", "{}", "Authorization", auth).statusCode()).isEqualTo(200);
        assertThat(db.alerts().open(50)).noneMatch(a -> a.id() == alert.id());

        assertThat(call("POST", "/api/unattended/kill-switch", "{}", "Authorization", auth).statusCode()).isEqualTo(400);
        var on = Json.mapper().readTree(call("POST", "/api/unattended/kill-switch", "{\"on\": true}", "Authorization", auth).body());
        assertThat(on.get("killSwitchConsole").asBoolean()).isTrue();
        assertThat(db.switches().isOn(StatusApi.KILL_SWITCH)).isTrue();
        call("POST", "/api/unattended/kill-switch", "{\"on\": false}", "Authorization", auth);
        assertThat(db.switches().isOn(StatusApi.KILL_SWITCH)).isFalse();
    }

    @Test
    void reportsCountFirstResponsesAndVariants() throws Exception {
        var r = Json.mapper().readTree(call("GET", "/api/reports?days=7", null, "Authorization", "Bearer " + TOKEN).body());
        assertThat(r.at("/firstResponse/targetSeconds").asInt()).isEqualTo(600);
        assertThat(r.get("variants").isArray()).isTrue();
        assertThat(call("GET", "/api/reports?days=0", null, "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(400);
    }

    @Test
    void ignoredPostsShowTheirRuleAndReason() throws Exception {
        String id = String.valueOf(5000 + IDS.incrementAndGet());
        Mention m = new Mention(Platform.X, "brand", id, new Author("8", "hot_takes", "HT"), "your CEO is a clown", "en", Instant.now(), id,
                null, null, false, false);
        db.mentions().insertIfNew(m);
        db.mentions().saveDecision(Platform.X, id, new org.careloop.rules.Decision("bait", org.careloop.rules.Decision.Action.IGNORE, null,
                "troll: bait"));
        var list = Json.mapper().readTree(call("GET", "/api/ignored?limit=10", null, "Authorization", "Bearer " + TOKEN).body());
        var item = java.util.stream.StreamSupport.stream(list.spliterator(), false)
                .filter(n -> n.at("/mention/id").asText().equals(id)).findFirst().orElseThrow();
        assertThat(item.get("ruleId").asText()).isEqualTo("bait");
        assertThat(item.get("reason").asText()).isEqualTo("troll: bait");
        assertThat(call("GET", "/api/ignored?limit=x", null, "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(400);
    }
}
