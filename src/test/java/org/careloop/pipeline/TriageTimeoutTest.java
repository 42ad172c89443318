package org.careloop.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.awaitility.Awaitility;
import org.careloop.platform.Author;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.careloop.rules.Decision;
import org.careloop.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The intake of routes/pipeline.yaml with the real ledger and a triage stage that never finishes for
 * one post: that post is set aside after its attempts, like one whose triage fails, holding one triage
 * thread however often it comes, and the posts after it are triaged; a post that only waited for a
 * thread is not blamed.
 */
class TriageTimeoutTest {

    /** The pipeline's stages; analysing the post "stuck" does not end until the test is over. */
    public static final class Stages {
        final CountDownLatch over = new CountDownLatch(1);

        public Triage analyse(Mention m) throws InterruptedException {
            if (m.id().startsWith("stuck")) {
                over.await(2, TimeUnit.MINUTES);
            }
            return Triage.of(m);
        }

        public Triage notice(Triage t) {
            return t;
        }

        public Triage decide(Triage t) {
            return t.withDecision(new Decision("quiet", Decision.Action.IGNORE, null, "test"));
        }

        public Triage moderate(Triage t) {
            return t;
        }

        public Triage count(Triage t) {
            return t;
        }

        public Triage collect(Triage t) {
            return t;
        }

        public Triage draft(Triage t) {
            throw new AssertionError("nothing here asks for a reply");
        }

        public Triage place(Triage t) {
            throw new AssertionError("nothing here is drafted");
        }
    }

    Database db;
    TriageLedger ledger;
    Stages stages;
    Main camel;
    ProducerTemplate intake;

    @BeforeEach
    void start() {
        // A database of its own per test: the alerts of one are not another's.
        db = Database.open("jdbc:h2:mem:triage-timeout-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        ledger = new TriageLedger(db.mentions(), db.alerts(), db.audit(), 3);
        stages = new Stages();
        camel = new Main();
        camel.bind("triageLedger", ledger);
        for (String name : new String[] {"analysisStep", "ticketDesk", "decisionStep", "surgeStep", "moderator", "praiseFeed", "draftStep", "clustering", "answeredOnPlatform"}) {
            camel.bind(name, stages);
        }
        camel.addOverrideProperty("camel.main.routes-include-pattern", "classpath:routes/pipeline.yaml");
        camel.addOverrideProperty("careloop.triage.timeout-ms", "500");
        // As CamelSettings gives the routes: the triage threads resolved (the node's cores when unset).
        camel.addOverrideProperty("careloop.triage.threads", "2");
        camel.start();
        intake = camel.getCamelContext().createProducerTemplate();
    }

    @AfterEach
    void stop() {
        stages.over.countDown();
        camel.stop();
        db.close();
    }

    /** Camel's SEDA consumers skip polling for up to a second while the context starts: a post sent then waits for no thread. */
    static void triageThreadsPolling() throws InterruptedException {
        Thread.sleep(1_100);
    }

    static Mention post(String id) {
        return new Mention(Platform.X, "brand", id, new Author("u" + id, "cust" + id, "Customer"), "@acmeair where is my bag", "en",
                Instant.now(), id, null, null, false, false);
    }

    @Test
    @Timeout(60)
    void aTriageThatTakesTooLongIsSetAsideLikeAFailedOneAndLaterPostsFlow() throws InterruptedException {
        triageThreadsPolling();
        for (int attempt = 1; attempt <= 3; attempt++) {
            Exchange done = intake.send("direct:intake", e -> e.getMessage().setBody(post("stuck")));
            if (attempt < 3) {
                // Marked rollback-only, so the feed keeps its cursor and the post comes again.
                assertThat(done.getException()).as("attempt " + attempt).isNull();
                assertThat(done.isRollbackOnly()).as("attempt " + attempt).isTrue();
            } else {
                assertThat(done.getException()).as("the last attempt sets it aside and the feed goes on").isNull();
                assertThat(done.isRollbackOnly()).isFalse();
            }
        }
        assertThat(ledger.setAside(10)).singleElement().satisfies(s -> {
            assertThat(s.mention().id()).isEqualTo("stuck");
            assertThat(s.attempts()).isEqualTo(3);
            assertThat(s.error()).as("the later attempts never took a thread").startsWith("its attempt before still runs, for ");
        });
        assertThat(db.alerts().open(10)).singleElement().satisfies(a -> assertThat(a.message()).contains("Could not process x post stuck"));
        assertThat(ledger.running()).extracting(Map.Entry::getKey).containsExactly("x/stuck");

        // Its first attempt still holds a thread; the next post is triaged on the other, at once and every time.
        Exchange next = intake.send("direct:intake", e -> e.getMessage().setBody(post("next")));
        assertThat(next.getException()).isNull();
        assertThat(next.isRollbackOnly()).isFalse();
        assertThat(ledger.admit(post("next"))).as("triaged, so never admitted again").isFalse();
        assertThat(ledger.stalledSince()).isEmpty();
    }

    @Test
    @Timeout(60)
    void aPostThatWaitedForAFreeThreadInVainIsNotBlamedAndTheStallIsReported() throws InterruptedException {
        triageThreadsPolling();
        // Two posts hang the triage: they hold both its threads.
        for (String id : new String[] {"stuck-1", "stuck-2"}) {
            Exchange done = intake.send("direct:intake", e -> e.getMessage().setBody(post(id)));
            assertThat(done.isRollbackOnly()).as(id + " failed its first attempt").isTrue();
        }
        for (int poll = 1; poll <= 4; poll++) {
            Exchange waited = intake.send("direct:intake", e -> e.getMessage().setBody(post("innocent")));
            assertThat(waited.getException()).isNull();
            assertThat(waited.isRollbackOnly()).as("poll %d: the feed keeps its cursor and delivers it again", poll).isTrue();
        }
        assertThat(ledger.setAside(10)).as("four polls in vain, none of them its fault").isEmpty();
        assertThat(ledger.stalledSince()).isPresent();
        assertThat(db.alerts().openOfKind(TriageLedger.STALLED, 10)).as("one alert for the stall").singleElement()
                .satisfies(a -> assertThat(a.message()).startsWith("Triage stalled: x post innocent waited 0.5s for a free triage thread, every one busy (the longest: x post stuck-1 for "));
        assertThat(ledger.running()).extracting(Map.Entry::getKey).containsExactly("x/stuck-1", "x/stuck-2");

        // The hanging posts end: the threads are free and the post is triaged.
        stages.over.countDown();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> ledger.running().isEmpty());
        assertThat(ledger.stalledSince()).isEmpty();
        Exchange done = intake.send("direct:intake", e -> e.getMessage().setBody(post("innocent")));
        assertThat(done.isRollbackOnly()).isFalse();
        assertThat(ledger.admit(post("innocent"))).as("triaged").isFalse();
    }

    @Test
    @Timeout(60)
    void aPostWhoseIdsAreNoPlatformsIsSkippedWithAnAlertAndTheFeedGoesOn() {
        // Too long for the store, which refused it before any attempt was counted: its feed stalled on it.
        Mention longId = post("9".repeat(Mention.MAX_ID + 1));
        Mention oddAuthor = new Mention(Platform.FACEBOOK, "brand", "1047_1", new Author("me/feed?\u202e", "Priya\r\n", "Priya"),
                "where is my bag", null, Instant.now(), "1047_1", null, null, false, false);
        for (Mention m : new Mention[] {longId, oddAuthor}) {
            Exchange done = intake.send("direct:intake", e -> e.getMessage().setBody(m));
            assertThat(done.getException()).as("the feed moves on").isNull();
            assertThat(db.mentions().find(m.platform(), m.id())).isEmpty();
        }
        assertThat(db.alerts().open(10)).extracting(a -> a.message()).filteredOn(a -> a.startsWith("Skipped")).containsExactlyInAnyOrder(
                "Skipped x post " + "9".repeat(40) + "… by cust" + "9".repeat(36) + "…: its id is not an id any platform gives (at most 64 letters, digits, '_' or '-')",
                "Skipped facebook post 1047_1 by Priya??: its author's id is not an id any platform gives (at most 64 letters, digits, '_' or '-')");
        assertThat(Mention.isId("2128087404454608899")).isTrue();
        assertThat(Mention.isId("104738291650417_178000000001001")).isTrue();
        assertThat(Mention.isId("")).isFalse();
    }
}
