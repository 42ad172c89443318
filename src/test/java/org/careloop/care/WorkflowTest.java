package org.careloop.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.careloop.analysis.Analysis;
import org.careloop.analysis.Emotion;
import org.careloop.analysis.Intent;
import org.careloop.analysis.Sentiment;
import org.careloop.analysis.Troll;
import org.careloop.platform.Author;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.careloop.rules.Decision;
import org.careloop.rules.RuleBook;
import org.careloop.store.Database;
import org.careloop.webhook.Webhook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Unattended gates, and the SLA's warning, holding reply and breach on a clock the test moves:
 * the care workflow's decisions without a platform or a browser.
 */
class WorkflowTest {

    static final RuleBook RULES = RuleBook.load(Path.of("rules"));
    static final AtomicInteger IDS = new AtomicInteger();
    static final Instant T0 = Instant.parse("2025-11-24T15:00:00Z");

    MutableClock clock;
    Database db;
    AtomicBoolean consoleKill;
    Drafter drafter;
    HttpServer hooks;
    List<String> hooked;

    @BeforeEach
    void setUp() throws Exception {
        clock = new MutableClock(T0);
        db = Database.open("jdbc:h2:mem:workflow" + IDS.incrementAndGet() + ";DB_CLOSE_DELAY=-1", "sa", "");
        consoleKill = new AtomicBoolean();
        drafter = new Drafter(() -> RULES, Duration.ofMinutes(10), new Drafter.Voice("Acme Air", "", "within the hour"));
        hooked = new CopyOnWriteArrayList<>();
        hooks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hooks.createContext("/hook", ex -> {
            hooked.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        hooks.start();
    }

    @AfterEach
    void tearDown() {
        hooks.stop(0);
        db.close();
    }

    UnattendedGate gate(boolean on, boolean configKill) {
        return new UnattendedGate(new UnattendedGate.Policy(Map.of("brand", on), false, 0.6, 0.4, 2, 3, configKill), consoleKill::get,
                () -> RULES, db.drafts(), clock);
    }

    static Analysis analysis(Intent.Label intent, double confidence, boolean troll, double trollScore) {
        return new Analysis("en", new Sentiment(Sentiment.Label.NEGATIVE, -0.6, 0.8), new Emotion(Emotion.Label.FRUSTRATION, 0.7),
                new Troll(troll, trollScore, false, List.of()), new Intent(intent, confidence), List.of());
    }

    Draft draft(String author, String text, Analysis a, boolean autoPublish) {
        String id = String.valueOf(1000 + IDS.incrementAndGet());
        Mention m = new Mention(Platform.X, "brand", id, new Author("a-" + author, author, "Jo " + author), text, "en", clock.instant(), id,
                null, null, false, false);
        db.mentions().insertIfNew(m);
        Decision d = new Decision("problem", Decision.Action.TICKET, List.of("ticket"), "r", Decision.Priority.NORMAL, false, false,
                autoPublish, null);
        return db.drafts().create(drafter.draft(m, a, d, clock.instant(), List.of()));
    }

    Draft plain(String author) {
        return draft(author, "my bag is lost", analysis(Intent.Label.PROBLEM, 0.9, false, 0.05), true);
    }

    @Test
    void aConfidentGenuineReplyPasses() {
        assertThat(gate(true, false).check(plain("ann")).reasons()).isEmpty();
    }

    @Test
    void eachGateThatFailsIsNamed() {
        UnattendedGate g = gate(true, false);
        assertThat(gate(false, false).check(plain("a")).reasons()).containsExactly("unattended mode is off for account brand");
        assertThat(gate(true, true).check(plain("b")).reasons()).containsExactly("the kill switch is on in the configuration");
        consoleKill.set(true);
        assertThat(g.check(plain("c")).reasons()).containsExactly("the kill switch is on in the console");
        assertThat(g.active("brand")).isFalse();
        consoleKill.set(false);
        assertThat(g.active("brand")).isTrue();
        assertThat(g.check(draft("d", "x", analysis(Intent.Label.PROBLEM, 0.9, false, 0), false)).reasons())
                .containsExactly("rule problem always wants a person");
        assertThat(g.check(draft("e", "x", analysis(Intent.Label.PROBLEM, 0.9, false, 0.5), true)).reasons())
                .containsExactly("troll score 0.50 is above 0.40");
        assertThat(g.check(draft("f", "x", analysis(Intent.Label.SPAM, 0.9, false, 0), true)).reasons())
                .containsExactly("care action ignore always wants a person", "the post looks like spam");
        assertThat(g.check(draft("g", "x", analysis(Intent.Label.PROBLEM, 0.4, false, 0), true)).reasons())
                .containsExactly("intent confidence 0.40 is below 0.60");
        assertThat(g.check(draft("h", "I will call my lawyer about this bag", analysis(Intent.Label.PROBLEM, 0.9, false, 0), true)).reasons())
                .containsExactly("the post contains the blocked word 'lawyer'");
        // Banter and escalations want a person, whatever else holds.
        Analysis fan = new Analysis("en", new Sentiment(Sentiment.Label.POSITIVE, 0.8, 0.9), new Emotion(Emotion.Label.JOY, 0.8),
                new Troll(false, 0, false, List.of()), new Intent(Intent.Label.OTHER, 0.9),
                new org.careloop.analysis.CareAction(org.careloop.analysis.CareAction.Label.ENGAGE, false, 0.9), List.of());
        assertThat(g.check(draft("j", "flying you tomorrow, so excited!!", fan, true)).reasons())
                .containsExactly("care action engage always wants a person");
        // a word inside another word is not the blocked word
        assertThat(g.check(draft("i", "my suede bag is lost", analysis(Intent.Label.PROBLEM, 0.9, false, 0), true)).reasons()).isEmpty();
    }

    @Test
    void perAuthorAndPerAccountRateLimits() {
        UnattendedGate g = gate(true, false);
        for (int i = 0; i < 2; i++) {
            Draft d = plain("sam");
            assertThat(g.check(d).pass()).isTrue();
            db.drafts().approve(d.id(), Draft.AUTO, null, clock.instant());
        }
        assertThat(g.check(plain("sam")).reasons()).containsExactly("already 2 automatic replies to this author in the last hour");
        Draft other = plain("kim");
        db.drafts().approve(other.id(), Draft.AUTO, null, clock.instant());
        assertThat(g.check(plain("lee")).reasons()).containsExactly("already 3 automatic replies on brand in the last hour");
        clock.advance(Duration.ofMinutes(61));
        assertThat(g.check(plain("sam")).pass()).isTrue();
    }

    @Test
    void draftStepPublishesWhatPassesAndRecordsWhyTheRestWaits() {
        DraftSettler step = new DraftSettler(db.drafts(), gate(true, false), clock);
        Draft auto = step.settle(plain("amy"));
        assertThat(auto.status()).isEqualTo(DraftStatus.APPROVED);
        assertThat(auto.decidedBy()).isEqualTo(Draft.AUTO);
        assertThat(auto.work().autoPublished()).isTrue();
        Draft waits = step.settle(draft("bo", "x", analysis(Intent.Label.PROBLEM, 0.3, false, 0), true));
        assertThat(waits.status()).isEqualTo(DraftStatus.PENDING);
        assertThat(waits.work().gate()).isEqualTo("intent confidence 0.30 is below 0.60");
        // Only the reply still waiting has SLA milestones to come.
        clock.advance(Duration.ofMinutes(10));
        assertThat(db.drafts().slaDue(clock.instant(), clock.instant(), clock.instant(), 10)).extracting(DraftStore.SlaDue::draftId)
                .containsExactly(waits.id());
    }

    SlaWatch watch(UnattendedGate gate) {
        return new SlaWatch(db.drafts(), drafter, new UnsaidReplies(db.drafts(),
                db.recentTexts(), clock), gate, db.alerts(), new Webhook(URI.create("http://127.0.0.1:" + hooks.getAddress().getPort() + "/hook")),
                new SlaPolicy(Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofMinutes(8), "holding"), clock);
    }

    /** Back after an hour away: the deadlines that passed meanwhile make one alert, and their timers stay quiet. */
    @Test
    void overdueDraftsAfterARestartRaiseOneAlert() {
        SlaWatch w = watch(gate(false, false));
        List<Draft> overdue = List.of(plain("ann"), plain("bob"), plain("cat"));
        clock.advance(Duration.ofMinutes(7));
        Draft close = plain("dan");
        clock.advance(Duration.ofMinutes(60));
        Draft fresh = plain("eve");
        List<Draft> pending = new java.util.ArrayList<>(overdue);
        pending.add(close);
        assertThat(w.catchUp()).isEqualTo(4);
        assertThat(db.alerts().open(10)).extracting(Alerts.Alert::message).containsExactly("4 replies passed the 10-minute target while CareLoop was stopped");
        for (Draft d : pending) {
            for (SlaWatch.Milestone m : List.of(SlaWatch.Milestone.WARN, SlaWatch.Milestone.BREACH)) {
                w.fire(m, d.id());
            }
        }
        w.sweep();
        assertThat(db.alerts().open(10)).as("the overdue drafts' milestones stay quiet").hasSize(1);
        assertThat(db.alerts().open(10).get(0).draftId()).as("about no one draft").isNull();
        assertThat(db.alerts().open(10).get(0).count()).as("standing for each of them where breaches are summed").isEqualTo(4);
        clock.advance(Duration.ofMinutes(5));
        w.sweep();
        assertThat(db.alerts().open(10)).hasSize(2);
        assertThat(db.alerts().open(10).get(0).draftId()).isEqualTo(fresh.id());
    }

    @Test
    void warningAtFiveMinutesThenBreachAtTenWithAlertAndWebhook() throws Exception {
        org.careloop.metrics.RecordedMetrics metrics = new org.careloop.metrics.RecordedMetrics();
        SlaWatch w = watch(gate(false, false)).withMetrics(metrics);
        Draft d = plain("max");
        clock.advance(Duration.ofMinutes(5));
        w.fire(SlaWatch.Milestone.WARN, d.id());
        w.fire(SlaWatch.Milestone.WARN, d.id());
        assertThat(db.alerts().open(10)).extracting(Alerts.Alert::kind).containsExactly("sla-warning");
        // attended mode: no holding reply
        clock.advance(Duration.ofMinutes(3));
        w.fire(SlaWatch.Milestone.HOLD, d.id());
        assertThat(db.drafts().list(null, 100)).hasSize(1);
        clock.advance(Duration.ofMinutes(2));
        w.fire(SlaWatch.Milestone.BREACH, d.id());
        w.fire(SlaWatch.Milestone.BREACH, d.id());
        assertThat(db.alerts().open(10)).extracting(Alerts.Alert::kind).containsExactly("sla-breach", "sla-warning");
        assertThat(db.drafts().find(d.id()).orElseThrow().work().escalated()).isTrue();
        // Each milestone counted once, however often its timer fires.
        assertThat(metrics.events).containsExactly("slaWarning " + d.mention().platform().id() + " " + d.mention().account(),
                "slaBreach " + d.mention().platform().id() + " " + d.mention().account());
        await().atMost(Duration.ofSeconds(10)).until(() -> !hooked.isEmpty());
        assertThat(hooked).hasSize(1);
        assertThat(hooked.get(0)).contains("\"event\":\"sla.breach\"").contains("\"draftId\":" + d.id());
    }

    @Test
    void nothingFiresOnceTheReplyIsOut() {
        SlaWatch w = watch(gate(true, false));
        Draft d = plain("nia");
        db.drafts().approve(d.id(), "alice", null, clock.instant());
        clock.advance(Duration.ofMinutes(10));
        for (SlaWatch.Milestone m : SlaWatch.Milestone.values()) {
            w.fire(m, d.id());
        }
        assertThat(db.alerts().open(10)).isEmpty();
        assertThat(db.drafts().list(null, 100)).hasSize(1);
    }

    @Test
    void unattendedModeSendsAHoldingReplyAtEightMinutesAndTheDraftStaysForTheTeam() {
        SlaWatch w = watch(gate(true, false));
        Draft d = draft("pat", "my bag", analysis(Intent.Label.PROBLEM, 0.3, false, 0), true); // too unsure to publish alone
        clock.advance(Duration.ofMinutes(8));
        w.fire(SlaWatch.Milestone.HOLD, d.id());
        List<Draft> all = db.drafts().list(null, 100);
        Draft holding = all.stream().filter(x -> x.work().kind() == Draft.Kind.HOLDING).findFirst().orElseThrow();
        assertThat(holding.status()).isEqualTo(DraftStatus.APPROVED);
        assertThat(holding.work().autoPublished()).isTrue();
        assertThat(holding.text()).contains("within the hour");
        assertThat(db.drafts().find(d.id()).orElseThrow().status()).isEqualTo(DraftStatus.PENDING);
        // the holding reply is out, so the breach does not fire
        clock.advance(Duration.ofMinutes(2));
        w.fire(SlaWatch.Milestone.BREACH, d.id());
        assertThat(db.alerts().open(10)).isEmpty();
    }

    /** Two nodes' timers fire the same milestone: the one that claims it sends the holding reply, the other nothing. */
    @Test
    void theHoldingReplyIsSentOnceWhicheverNodeFires() {
        SlaWatch w = watch(gate(true, false));
        Draft d = draft("rae", "my bag", analysis(Intent.Label.PROBLEM, 0.3, false, 0), true);
        clock.advance(Duration.ofMinutes(8));
        assertThat(db.drafts().markHeld(d.id(), clock.instant())).as("the other node claims it first").isTrue();
        w.fire(SlaWatch.Milestone.HOLD, d.id());
        assertThat(db.drafts().list(null, 100)).as("no second holding reply").hasSize(1);
        assertThat(db.drafts().markHeld(d.id(), clock.instant())).as("claimed once").isFalse();
    }

    @Test
    void theKillSwitchStopsTheHoldingReplyToo() {
        SlaWatch w = watch(gate(true, false));
        Draft d = plain("quinn");
        consoleKill.set(true);
        clock.advance(Duration.ofMinutes(8));
        w.fire(SlaWatch.Milestone.HOLD, d.id());
        assertThat(db.drafts().list(null, 100)).hasSize(1);
    }

    /** The sweep fires each milestone when it comes due, and only once however often it runs. */
    @Test
    void theSweepFiresEachMilestoneOnceWhenItComesDue() {
        SlaWatch w = watch(gate(true, false));
        Draft d = draft("ray", "my bag", analysis(Intent.Label.PROBLEM, 0.3, false, 0), true); // waits for a person
        clock.advance(Duration.ofMinutes(4).plusSeconds(59));
        assertThat(w.sweep()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(w.sweep()).isEqualTo(1);
        assertThat(w.sweep()).as("taken").isZero();
        assertThat(db.alerts().open(10)).extracting(Alerts.Alert::kind).containsExactly("sla-warning");
        clock.advance(Duration.ofMinutes(3));
        w.sweep();
        w.sweep();
        assertThat(db.drafts().list(null, 100)).filteredOn(x -> x.work().kind() == Draft.Kind.HOLDING).singleElement()
                .satisfies(h -> assertThat(h.status()).isEqualTo(DraftStatus.APPROVED));
        clock.advance(Duration.ofMinutes(2));
        assertThat(w.sweep()).as("the holding reply is out: no breach").isZero();
        assertThat(db.alerts().open(10)).extracting(Alerts.Alert::kind).containsExactly("sla-warning");
    }

    /** Attended mode: the holding reply's milestone passes without a reply, and the breach still comes. */
    @Test
    void inAttendedModeTheSweepWarnsThenEscalates() {
        SlaWatch w = watch(gate(false, false));
        Draft d = plain("sue");
        Draft closing = plain("tom");
        db.drafts().reject(closing.id(), "alice", "not for us", clock.instant());
        clock.advance(Duration.ofMinutes(11));
        assertThat(w.sweep()).as("the rejected draft has no milestones").isEqualTo(1);
        assertThat(db.alerts().open(10)).extracting(Alerts.Alert::kind).containsExactly("sla-breach", "sla-warning");
        assertThat(db.drafts().find(d.id()).orElseThrow().work().escalated()).isTrue();
        assertThat(db.drafts().list(null, 100)).as("no holding reply").hasSize(2);
        assertThat(w.sweep()).isZero();
    }

    /** Three nodes sweeping the same database at once: each milestone fires once, one holding reply in all. */
    @Test
    void nodesSweepingTogetherFireEachMilestoneOnce() throws Exception {
        org.careloop.metrics.RecordedMetrics metrics = new org.careloop.metrics.RecordedMetrics();
        List<Draft> waiting = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            waiting.add(draft("n" + i, "my bag", analysis(Intent.Label.PROBLEM, 0.3, false, 0), true));
        }
        clock.advance(Duration.ofMinutes(8));
        List<SlaWatch> nodes = List.of(watch(gate(true, false)).withMetrics(metrics), watch(gate(true, false)).withMetrics(metrics),
                watch(gate(true, false)).withMetrics(metrics));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(nodes.size());
        try {
            for (java.util.concurrent.Future<Integer> f : pool.invokeAll(nodes.stream()
                    .map(n -> (java.util.concurrent.Callable<Integer>) n::sweep).toList())) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(db.drafts().list(null, 100)).filteredOn(x -> x.work().kind() == Draft.Kind.HOLDING).as("one holding reply per post")
                .hasSize(waiting.size()).extracting(x -> x.mention().id()).doesNotHaveDuplicates();
        assertThat(metrics.events).filteredOn(e -> e.startsWith("slaWarning")).as("one warning per draft").hasSize(waiting.size());
        assertThat(db.alerts().open(100)).filteredOn(a -> a.kind().equals("sla-warning")).extracting(Alerts.Alert::draftId)
                .doesNotHaveDuplicates();
    }
}
