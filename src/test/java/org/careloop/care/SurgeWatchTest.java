package org.careloop.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.careloop.analysis.Analysis;
import org.careloop.analysis.CareAction;
import org.careloop.analysis.Sentiment;
import org.careloop.config.Json;
import org.careloop.platform.Author;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.careloop.rules.RuleFiles;
import org.careloop.rules.RulesInForce;
import org.careloop.store.Database;
import org.careloop.webhook.Webhook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The surge detector on a clock the test moves, over the real store (H2): posts are counted as the
 * triage counts them, the scheduled check runs every 30 s of the test's time.
 */
class SurgeWatchTest {

    static final Instant T0 = Instant.parse("2026-11-22T06:00:10Z");
    static final String BAG = "@acmeair my bag never showed up on the belt";
    static final String CANCEL = "@acmeair my flight to Denver was cancelled, what now?";
    static final String CHATTER = "@acmeair lovely crew on the way home today";
    static final SurgeWatch.Policy POLICY = new SurgeWatch.Policy(Duration.ofMinutes(5), Duration.ofHours(3), 4, 25, Duration.ofSeconds(10));

    final AtomicInteger ids = new AtomicInteger();
    final List<JsonNode> events = new CopyOnWriteArrayList<>();
    MutableClock clock;
    Database db;
    RulesInForce rules;
    HttpServer hook;
    SurgeWatch watch;
    Instant nextCheck;

    @BeforeEach
    void start() throws Exception {
        clock = new MutableClock(T0);
        db = Database.open("jdbc:h2:mem:surge-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        rules = new RulesInForce(RuleFiles.classpath("rules"), clock);
        hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/hook", ex -> {
            events.add(Json.mapper().readTree(ex.getRequestBody().readAllBytes()));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        hook.start();
        watch = node();
        nextCheck = T0;
    }

    /** A node: its own watch (and memory) over the shared database. */
    SurgeWatch node() {
        return new SurgeWatch(db.surges(), rules, new Webhook(URI.create("http://127.0.0.1:" + hook.getAddress().getPort() + "/hook")),
                POLICY, clock);
    }

    @AfterEach
    void stop() {
        hook.stop(0);
        db.close();
    }

    /** {@code perMinute} posts a minute for {@code minutes}, evenly spread, the scheduled check every 30 s. */
    void play(int minutes, int perMinute, String text, CareAction.Label action) {
        play(minutes, perMinute, text, action, watch);
    }

    void play(int minutes, int perMinute, String text, CareAction.Label action, SurgeWatch... nodes) {
        if (perMinute == 0) {
            idle(Duration.ofMinutes(minutes));
            return;
        }
        Duration gap = Duration.ofMillis(60_000 / perMinute);
        for (int i = 0; i < minutes * perMinute; i++) {
            nodes[i % nodes.length].count(post(text), analysis(action));
            idle(gap);
        }
    }

    /** The time passes; the scheduled check runs every 30 s of it. */
    void idle(Duration d) {
        Instant until = clock.instant().plus(d);
        while (!nextCheck.isAfter(until)) {
            clock.set(nextCheck);
            watch.check();
            nextCheck = nextCheck.plusSeconds(30);
        }
        clock.set(until);
    }

    Mention post(String text) {
        String id = String.valueOf(ids.incrementAndGet());
        return new Mention(Platform.X, "brand", id, new Author("a" + id, "cust" + id, "Customer " + id), text, "en", clock.instant(), id, null,
                null, false, false);
    }

    static Analysis analysis(CareAction.Label action) {
        return new Analysis("en", new Sentiment(Sentiment.Label.NEGATIVE, -0.6, 0.8), null, null, null, new CareAction(action, false, 0.9),
                List.of());
    }

    List<Alerts.Alert> surgeAlerts() {
        return db.alerts().latest(1000).stream().filter(a -> a.kind().equals("surge")).toList();
    }

    List<Alerts.Alert> surgeAlertsAbout(String words) {
        return surgeAlerts().stream().filter(a -> a.message().contains(words)).toList();
    }

    @Test
    void steadyTrafficIsNoSurge() {
        Random random = new Random(7);
        // Four hours of an ordinary day: 6 to 14 posts a minute about bags, a few others, from the first minute counted on.
        for (int minute = 0; minute < 240; minute++) {
            play(1, 6 + random.nextInt(9), BAG, CareAction.Label.TICKET);
            if (minute % 3 == 0) {
                watch.count(post(CHATTER), analysis(CareAction.Label.ENGAGE));
            }
        }
        assertThat(surgeAlerts()).isEmpty();
        assertThat(db.surges().open()).isEmpty();
    }

    @Test
    void aQuietAccountsHandfulIsNoSurge() {
        play(120, 0, CHATTER, CareAction.Label.ENGAGE); // two quiet hours
        play(1, 3, BAG, CareAction.Label.TICKET);         // three posts in a minute: infinitely more than usual, still no surge
        idle(Duration.ofMinutes(10));
        play(1, 20, BAG, CareAction.Label.TICKET);        // twenty in a minute: still under the floor
        idle(Duration.ofMinutes(10));
        assertThat(surgeAlerts()).isEmpty();
    }

    @Test
    void aSurgeRaisesOneAlertWithinTwoMinutesKeepsItUpToDateAndAnotherOnlyAfterItEnded() throws Exception {
        play(60, 2, BAG, CareAction.Label.TICKET); // an hour at 2 posts a minute
        Instant surgeStart = clock.instant();
        // 60 a minute about cancelled flights, for 12 minutes.
        Instant raised = null;
        for (int minute = 0; minute < 12; minute++) {
            play(1, 60, CANCEL, CareAction.Label.TICKET);
            if (raised == null && !surgeAlertsAbout("cancelled flight").isEmpty()) {
                raised = clock.instant();
            }
        }
        assertThat(raised).as("a surge alert about cancelled flights").isNotNull();
        assertThat(surgeAlertsAbout("cancelled flight")).singleElement().satisfies(a -> {
            assertThat(a.at()).isBeforeOrEqualTo(surgeStart.plus(Duration.ofMinutes(2)));
            // Kept up to date while it lasts: all 720 posts so far, since the minute it started.
            assertThat(a.message()).startsWith("Posts about “cancelled flight”: 720 posts since ")
                    .contains("since " + java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(java.time.ZoneOffset.UTC).format(surgeStart))
                    .contains("(usually none)");
        });
        // The care action surges too (tickets at 30 times their pace), once.
        assertThat(surgeAlertsAbout("Cases that need a ticket")).hasSize(1);
        assertThat(db.surges().open()).extracting(Surges.Surge::series).containsExactlyInAnyOrder("topic:cancel", "action:ticket");

        // Back to the usual: once the window calms down the surge is over, said in the same alert.
        play(15, 2, BAG, CareAction.Label.TICKET);
        assertThat(db.surges().open()).isEmpty();
        assertThat(surgeAlertsAbout("cancelled flight")).singleElement()
                .satisfies(a -> assertThat(a.message()).contains("720 posts from 07:00 to 07:").contains("now calm"));

        // A new surge of the same topic is a new alert.
        play(30, 2, BAG, CareAction.Label.TICKET);
        play(3, 60, CANCEL, CareAction.Label.APOLOGIZE);
        assertThat(surgeAlertsAbout("cancelled flight")).hasSize(2);
        assertThat(surgeAlertsAbout("Cases that need a ticket")).as("tickets are at their usual pace this time").hasSize(1);

        // And every start and end went out on the webhook (it sends on its own threads).
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(events).extracting(e -> e.get("event").asText() + " " + e.at("/data/series").asText())
                .containsExactlyInAnyOrder("surge.started topic:cancel", "surge.started action:ticket", "surge.ended topic:cancel",
                        "surge.ended action:ticket", "surge.started topic:cancel", "surge.started action:apologize"));
        JsonNode first = events.stream().filter(e -> e.get("event").asText().equals("surge.started")).findFirst().orElseThrow();
        assertThat(first.at("/data/about").asText()).isNotBlank();
        assertThat(first.at("/data/posts").asInt()).isGreaterThanOrEqualTo(25);
        assertThat(first.at("/data/since").asText()).startsWith("2026-11-22T07:");
    }

    @Test
    void twoNodesCountingIntoOneDatabaseRaiseOneAlert() {
        SurgeWatch other = node();
        play(30, 1, BAG, CareAction.Label.TICKET, watch, other);
        play(4, 40, CANCEL, CareAction.Label.APOLOGIZE, watch, other);
        other.check();
        watch.check();
        assertThat(surgeAlertsAbout("cancelled flight")).hasSize(1);
        assertThat(db.surges().open()).filteredOn(s -> s.series().equals("topic:cancel")).singleElement()
                .satisfies(s -> assertThat(s.posts()).as("both nodes' posts").isEqualTo(160));
    }

    @Test
    void countsSurviveARestart() {
        play(30, 2, BAG, CareAction.Label.TICKET);
        play(1, 20, CANCEL, CareAction.Label.TICKET); // under the floor of 25
        assertThat(surgeAlertsAbout("cancelled flight")).isEmpty();
        // CareLoop restarts: a new watch (no memory) over the same database counts on from the same minutes.
        watch = node();
        play(1, 20, CANCEL, CareAction.Label.TICKET);
        assertThat(surgeAlertsAbout("cancelled flight")).singleElement()
                .satisfies(a -> assertThat(a.message()).contains(": 40 posts since"));
    }

    @Test
    void theUsualLevelIsMeasuredOverTheTimeCountedAndNothingSurgesBeforeAWindowWasCounted() {
        Instant since = T0;
        java.util.NavigableMap<Instant, Integer> counts = new java.util.TreeMap<>();
        Instant minute = T0.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        counts.put(minute, 100);
        assertThat(SurgeWatch.read(counts, T0, since, POLICY).surging()).as("nothing counted before the window").isFalse();
        for (int i = 1; i <= 10; i++) {
            counts.put(minute.plusSeconds(60L * i), 10);
        }
        SurgeWatch.Reading early = SurgeWatch.read(counts, minute.plusSeconds(60 * 9 + 30), since, POLICY);
        assertThat(early.surging()).as("4 minutes counted before the window: still too few to know the usual").isFalse();
        assertThat(early.threshold()).isEqualTo(Integer.MAX_VALUE);
        SurgeWatch.Reading r = SurgeWatch.read(counts, minute.plusSeconds(60 * 10 + 30), since, POLICY);
        // The window is the last 5 minutes: half of minute 5 (5 posts), and minutes 6 to 10 (50 posts);
        // the baseline the minutes before it that were counted: 0 to 4 (140 posts in 5 minutes).
        assertThat(r.windowPosts()).isEqualTo(55);
        assertThat(r.usual()).isEqualTo(28.0);
        assertThat(r.threshold()).isEqualTo(4 * 28 * 5);
        assertThat(r.surging()).isFalse();
    }

    /**
     * A surge caught seconds after it began, before its minute reaches the surge's pace on its own: the minute
     * before it, one ordinary post above the average, is not when it began (the crisis test once dated it so).
     */
    @Test
    void aSurgeCaughtInItsFirstSecondsIsDatedFromItsOwnMinuteNotAnOrdinaryOneBefore() {
        SurgeWatch.Policy oneMinute = new SurgeWatch.Policy(Duration.ofMinutes(1), Duration.ofMinutes(30), 4, 25, Duration.ofSeconds(10));
        Instant minute = T0.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        java.util.NavigableMap<Instant, Integer> counts = new java.util.TreeMap<>();
        counts.put(minute, 3);
        counts.put(minute.plusSeconds(60), 4);
        counts.put(minute.plusSeconds(120), 5); // ordinary: one post above the usual 3.5
        counts.put(minute.plusSeconds(180), 24); // the surge's first seconds
        SurgeWatch.Reading r = SurgeWatch.read(counts, minute.plusSeconds(180 + 8), minute, oneMinute);
        assertThat(r.surging()).isTrue();
        assertThat(r.start()).isEqualTo(minute.plusSeconds(180));
    }

    /** A new minute's first seconds are no calm: the window slides over the minutes, it does not restart with each. */
    @Test
    void aSteadySurgeLastsAcrossMinuteBoundariesEvenWithAOneMinuteWindow() {
        watch = new SurgeWatch(db.surges(), rules, new Webhook(null),
                new SurgeWatch.Policy(Duration.ofMinutes(1), Duration.ofMinutes(30), 4, 25, Duration.ofSeconds(10)), clock);
        play(10, 2, BAG, CareAction.Label.TICKET);
        for (int minute = 0; minute < 5; minute++) {
            play(1, 60, CANCEL, CareAction.Label.TICKET);
            clock.set(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plusSeconds(1));
            watch.check(); // a second into the new minute
            assertThat(db.surges().open()).as("minute %d", minute).extracting(Surges.Surge::series).contains("topic:cancel");
        }
        assertThat(surgeAlertsAbout("cancelled flight")).singleElement().satisfies(a -> assertThat(a.message()).doesNotContain("calm"));
    }

    @Test
    void theUsualLevelReadsAsACareLeadSaysIt() {
        assertThat(SurgeWatch.usual(0)).isEqualTo("none");
        assertThat(SurgeWatch.usual(0.005)).isEqualTo("under 1 an hour");
        assertThat(SurgeWatch.usual(0.1)).isEqualTo("6 an hour");
        assertThat(SurgeWatch.usual(12.4)).isEqualTo("12 a minute");
    }
}
