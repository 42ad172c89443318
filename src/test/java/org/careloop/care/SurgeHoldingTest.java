package org.careloop.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.careloop.analysis.Analysis;
import org.careloop.analysis.CareAction;
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
 * The surge policy on a clock the test moves: a surge's posts waiting for a person get one holding
 * statement each, only where the account's policy allows it, under the kill switch and the rate limits,
 * and never besides the SLA's holding reply.
 */
class SurgeHoldingTest {

    static final RuleBook RULES = RuleBook.load(Path.of("rules"));
    static final AtomicInteger IDS = new AtomicInteger();
    static final Instant T0 = Instant.parse("2025-11-24T15:00:00Z"); // 10:00 in New York: the team is in

    MutableClock clock;
    Database db;
    AtomicBoolean consoleKill;
    Drafter drafter;
    SurgeWatch surges;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(T0);
        db = Database.open("jdbc:h2:mem:surgehold" + IDS.incrementAndGet() + ";DB_CLOSE_DELAY=-1", "sa", "");
        consoleKill = new AtomicBoolean();
        drafter = new Drafter(() -> RULES, Duration.ofMinutes(10), new Drafter.Voice("Acme Air", "", "within the hour"));
        surges = new SurgeWatch(db.surges(), () -> RULES, new Webhook(null), SurgeWatch.Policy.fromSettings(org.careloop.config.Settings.of(Map.of())), clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    UnattendedGate gate(boolean unattended, int perAccountPerHour) {
        return new UnattendedGate(new UnattendedGate.Policy(Map.of("brand", unattended), false, 0.6, 0.4, 3, perAccountPerHour, false),
                consoleKill::get, () -> RULES, db.drafts(), clock);
    }

    SurgeHolding holding(boolean allowed, UnattendedGate gate) {
        return new SurgeHolding(surges, db.drafts(), drafter, new UnsaidReplies(db.drafts(),
                db.recentTexts(), clock), gate, new SurgeHolding.Policy(Map.of("brand", allowed), false, Duration.ofMinutes(2)), clock);
    }

    /** A post waiting for a person: too unsure for unattended mode to answer alone. */
    Draft waiting(String author, String text, CareAction.Label action) {
        String id = String.valueOf(5000 + IDS.incrementAndGet());
        Mention m = new Mention(Platform.X, "brand", id, new Author("a-" + author, author, "Jo " + author), text, "en", clock.instant(), id,
                null, null, false, false);
        db.mentions().insertIfNew(m);
        Analysis a = new Analysis("en", new Sentiment(Sentiment.Label.NEGATIVE, -0.6, 0.8), new Emotion(Emotion.Label.FRUSTRATION, 0.7),
                new Troll(false, 0.05, false, List.of()), new Intent(Intent.Label.PROBLEM, 0.3), new CareAction(action, false, 0.9), List.of());
        Decision d = new Decision("problem", Decision.Action.TICKET, List.of("ticket"), "r", Decision.Priority.NORMAL, false, false, true, null);
        return db.drafts().create(drafter.draft(m, a, d, clock.instant(), List.of()));
    }

    void surgeOn(String series) {
        db.surges().start(new Surges.Surge(0, series, surges.about(series), clock.instant().minus(Duration.ofMinutes(1)), clock.instant(), null,
                0.5, 25, 40, 20, null), "Posts about it");
    }

    List<Draft> statements() {
        return db.drafts().list(null, 100).stream().filter(x -> x.work().kind() == Draft.Kind.HOLDING).toList();
    }

    @Test
    void eachSurgePostWaitingTwoMinutesGetsOneHoldingStatementAndKeepsItsDraft() {
        surgeOn("topic:cancel");
        SurgeHolding h = holding(true, gate(false, 60));
        Draft cancelled = waiting("ann", "my flight 212 was cancelled and nobody tells us anything", CareAction.Label.APOLOGIZE);
        Draft other = waiting("bob", "my bag did not arrive in Boston", CareAction.Label.TICKET);
        Draft praise = waiting("cat", "cancelled but your crew got us rebooked in minutes, thank you", CareAction.Label.THANK);
        clock.advance(Duration.ofMinutes(1));
        Draft late = waiting("dan", "flight 214 cancelled, where do I rebook?", CareAction.Label.ANSWER);
        assertThat(h.hold()).as("nothing before two minutes").isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(h.hold()).isEqualTo(1);
        assertThat(statements()).singleElement().satisfies(s -> {
            assertThat(s.mention().id()).isEqualTo(cancelled.mention().id());
            assertThat(s.status()).isEqualTo(DraftStatus.APPROVED);
            assertThat(s.work().autoPublished()).isTrue();
            assertThat(s.ruleId()).isEqualTo("surge-holding");
            assertThat(s.text()).contains("Jo").contains("many customers are affected").contains("within the hour");
        });
        assertThat(db.drafts().find(cancelled.id()).orElseThrow().status()).as("its draft stays for the real answer").isEqualTo(DraftStatus.PENDING);
        assertThat(h.hold()).as("once per post").isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(h.hold()).as("the later post, now due").isEqualTo(1);
        assertThat(statements()).extracting(s -> s.mention().id()).containsExactlyInAnyOrder(cancelled.mention().id(), late.mention().id())
                .doesNotContain(other.mention().id(), praise.mention().id());
        assertThat(statements()).extracting(Draft::text).doesNotHaveDuplicates();

        // The SLA's holding milestone is taken: unattended mode's holding reply at 8 minutes does not come on top.
        SlaWatch sla = new SlaWatch(db.drafts(), drafter, new UnsaidReplies(db.drafts(),
                db.recentTexts(), clock), gate(true, 60), db.alerts(), new Webhook(null),
                new SlaPolicy(Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofMinutes(8), "holding"), clock);
        clock.advance(Duration.ofMinutes(6));
        sla.sweep();
        assertThat(statements()).filteredOn(s -> s.mention().id().equals(cancelled.mention().id())).hasSize(1);
        assertThat(statements()).filteredOn(s -> s.ruleId().equals("sla-holding")).extracting(s -> s.mention().id())
                .as("only the posts without a surge statement get the SLA's").containsExactlyInAnyOrder(other.mention().id(), praise.mention().id());
    }

    @Test
    void withoutThePolicyNothingGoesOutOnItsOwn() {
        surgeOn("topic:cancel");
        Draft d = waiting("eve", "flight 300 cancelled, stuck in Denver", CareAction.Label.APOLOGIZE);
        clock.advance(Duration.ofMinutes(5));
        assertThat(holding(false, gate(true, 60)).hold()).isZero();
        assertThat(statements()).isEmpty();
        assertThat(db.drafts().markHeld(d.id(), clock.instant())).as("the SLA's holding milestone is still free").isTrue();
    }

    @Test
    void theKillSwitchAndTheRateLimitsStayInForce() {
        surgeOn("topic:app");
        SurgeHolding h = holding(true, gate(false, 2));
        for (String who : List.of("fay", "gus", "hal")) {
            waiting(who, "your app keeps crashing when I open my trip", CareAction.Label.TICKET);
        }
        consoleKill.set(true);
        clock.advance(Duration.ofMinutes(3));
        assertThat(h.hold()).isZero();
        assertThat(statements()).hasSize(3).allSatisfy(s -> {
            assertThat(s.status()).isEqualTo(DraftStatus.REJECTED);
            assertThat(s.error()).contains("the kill switch is on in the console");
        });

        consoleKill.set(false);
        for (String who : List.of("ida", "jon", "kai")) {
            waiting(who, "the app crashes every time I open it", CareAction.Label.TICKET);
        }
        clock.advance(Duration.ofMinutes(3));
        assertThat(h.hold()).as("two an hour on this account").isEqualTo(2);
        assertThat(statements()).filteredOn(s -> s.status() == DraftStatus.REJECTED).extracting(Draft::error)
                .anySatisfy(e -> assertThat(e).contains("already 2 automatic replies on brand in the last hour"));
    }
}
