package org.careloop.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.careloop.analysis.Analysis;
import org.careloop.analysis.Emotion;
import org.careloop.analysis.Intent;
import org.careloop.analysis.Sentiment;
import org.careloop.analysis.Troll;
import org.careloop.platform.Author;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.careloop.rules.Decision;
import org.junit.jupiter.api.Test;

/**
 * The pipeline route of {@code routes/pipeline.yaml} on its own, as Camel Main loads it, with every
 * bean it calls replaced by one that records the call: the steps run in the order MISSION.md gives,
 * a post is admitted once, and a failing or stuck step is handed back to the ledger. The shared triage's
 * claimer and renewer, on a scheduler and a timer in the application, are driven here through direct:
 * endpoints put in their place, so each test says when they run.
 */
class PipelineRoutesTest extends CamelMainTestSupport {

    /** What the beans were asked to do, in order: "analyse 1", "done 1", "failed 2: boom". */
    final List<String> calls = new CopyOnWriteArrayList<>();
    /** The ids the ledger turns away, as an already triaged post. */
    final List<String> seen = new CopyOnWriteArrayList<>();
    /** The ids whose analysis fails, or hangs until released. */
    final List<String> failing = new CopyOnWriteArrayList<>();
    final List<String> hanging = new CopyOnWriteArrayList<>();
    /** The ids whose failure the ledger sends back to the feed: attempts are left. */
    final List<String> again = new CopyOnWriteArrayList<>();
    final CountDownLatch release = new CountDownLatch(1);
    /** What the ledger's claims hand out, in turn: a post, or an exception the claim throws; nothing claimed when empty. */
    final Queue<Object> claimable = new ConcurrentLinkedQueue<>();

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configuration.withRoutesIncludePattern("file:routes/pipeline.yaml");
    }

    @Override
    public void configureContext(CamelContextConfiguration context) {
        super.configureContext(context);
        // The claimer's scheduler and the renewer's timer give way to endpoints the tests send to.
        context.replaceRouteFromWith("claim-posts", "direct:claim-posts");
        context.replaceRouteFromWith("renew-claims", "direct:renew-claims");
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties p = new Properties();
        // Short, so a stuck step is given up soon; the test waits for the ledger, never for the clock.
        p.setProperty("careloop.triage.timeout-ms", "2000");
        // As CamelSettings gives the routes: the triage threads resolved (the node's cores when unset).
        p.setProperty("careloop.triage.threads", "2");
        return p;
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("triageLedger", new Ledger());
        registry.bind("analysisStep", new Analyse());
        registry.bind("ticketDesk", new Step("notice"));
        registry.bind("decisionStep", new Decide());
        registry.bind("surgeStep", new Step("count"));
        registry.bind("moderator", new Step("moderate"));
        registry.bind("praiseFeed", new Step("collect"));
        registry.bind("draftStep", new Drafts());
        registry.bind("clustering", new Group());
        registry.bind("answeredOnPlatform", new Answered());
    }

    @Test
    void aCustomerPostGoesThroughEveryStepInTheMissionsOrderAndIsDoneOnce() {
        template.sendBody("direct:intake", post("1", "@acmeair my bag never arrived", false));
        assertThat(calls).containsExactly("admit 1", "analyse 1", "notice 1", "decide 1", "count 1", "moderate 1", "collect 1", "draft 1", "place d1", "done 1");
    }

    @Test
    void aPostWithoutAReplyIsDecidedAndCountedButNotDrafted() {
        template.sendBody("direct:intake", post("2", "just a thought, no reply", false));
        assertThat(calls).containsExactly("admit 2", "analyse 2", "notice 2", "decide 2", "count 2", "moderate 2", "collect 2", "done 2");
    }

    @Test
    void retweetsAndTheBrandsOwnPostsAreNeitherAnalysedNorAnswered() {
        template.sendBody("direct:intake", post("3", "RT @acmeair: our fleet's on fleek", true));
        assertThat(calls).as("the brand's own posts may settle drafts the team answered on the platform")
                .containsExactly("admit 3", "answered 3", "done 3");
    }

    @Test
    void aPostTheLedgerHasSeenStopsAtTheDoor() {
        seen.add("4");
        template.sendBody("direct:intake", post("4", "@acmeair my bag never arrived", false));
        assertThat(calls).containsExactly("admit 4");
    }

    @Test
    void aFailingStepIsHandedBackToTheLedgerAndTheRestIsNotRun() {
        failing.add("5");
        template.sendBody("direct:intake", post("5", "@acmeair my bag never arrived", false));
        assertThat(calls).containsExactly("admit 5", "analyse 5", "failed 5: analysis broke");
    }

    @Test
    void aFailureWithAttemptsLeftGoesBackToTheFeedAndASetAsideOneDoesNot() {
        failing.add("8");
        again.add("8");
        Exchange first = template.send("direct:intake", e -> e.getMessage().setBody(post("8", "@acmeair my bag never arrived", false)));
        assertThat(first.getException()).isNull();
        assertThat(first.isRollbackOnly()).as("the feed keeps its cursor, the post comes again").isTrue();
        again.remove("8");
        Exchange last = template.send("direct:intake", e -> e.getMessage().setBody(post("8", "@acmeair my bag never arrived", false)));
        assertThat(last.getException()).isNull();
        assertThat(last.isRollbackOnly()).as("set aside: the feed goes on").isFalse();
        assertThat(calls).containsExactly("admit 8", "analyse 8", "failed 8: analysis broke", "admit 8", "analyse 8", "failed 8: analysis broke");
    }

    @Test
    void aStuckStepCountsAsTimedOutAndTheFeedMovesOn() {
        // A first post warms the route up, so the stuck one is taken by a triage thread at once.
        template.sendBody("direct:intake", post("0", "@acmeair my bag never arrived", false));
        hanging.add("6");
        try {
            NotifyBuilder givenUp = new NotifyBuilder(context).fromRoute("intake").whenDone(1).create();
            template.asyncSendBody("direct:intake", post("6", "@acmeair my bag never arrived", false));
            assertThat(givenUp.matches(20, TimeUnit.SECONDS)).as("the intake is done with the stuck post while it is stuck").isTrue();
            assertThat(calls).contains("analyse 6", "timedOut 6 after 2000 ms").doesNotContain("done 6", "decide 6");
            // The next post is triaged while the stuck one still holds its thread.
            template.sendBody("direct:intake", post("7", "@acmeair my bag never arrived", false));
            assertThat(calls).contains("done 7").doesNotContain("done 6");
        } finally {
            release.countDown();
        }
        // Released, the stuck analysis finishes its steps; the intake, which gave up on it, never marks it done. (Waited
        // for by its own steps: a NotifyBuilder on the triage route could match post 7's exchange, still finishing.)
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(calls).as("the stuck triage finished once released")
                .contains("decide 6", "draft 6", "place d6"));
        assertThat(calls).doesNotContain("done 6");
    }

    @Test
    void aClaimedPostIsTriagedLikeAnAdmittedOneAndNothingClaimedMakesTheClaimerWait() throws Exception {
        assertThat(context.getRouteController().getRouteStatus("claim-posts").isStopped()).as("a node that does not share the triage never claims")
                .isTrue();
        context.getRouteController().startRoute("claim-posts");
        claimable.add(post("9", "@acmeair my bag never arrived", false));
        Exchange claimed = template.send("direct:claim-posts", e -> { });
        assertThat(claimed.getException()).isNull();
        assertThat(calls).containsExactly("claim", "analyse 9", "notice 9", "decide 9", "count 9", "moderate 9", "collect 9", "draft 9", "place d9", "done 9");
        assertThat(claimed.getProperty("CamelSchedulerPolledMessages")).as("a post claimed: the claimer claims again at once").isNull();

        calls.clear();
        Exchange none = template.send("direct:claim-posts", e -> { });
        assertThat(none.getException()).isNull();
        assertThat(calls).containsExactly("claim");
        assertThat(none.getProperty("CamelSchedulerPolledMessages", Boolean.class)).as("nothing claimed: the claimer waits for its next look")
                .isFalse();
    }

    @Test
    void aClaimThatFailsTriagesNothingAndTheClaimerGoesOn() throws Exception {
        context.getRouteController().startRoute("claim-posts");
        claimable.add(new IllegalStateException("the database went away"));
        claimable.add(post("10", "just a thought, no reply", false));
        Exchange failed = template.send("direct:claim-posts", e -> { });
        assertThat(failed.getException()).as("the claim's failure is logged, not thrown at the scheduler").isNull();
        assertThat(failed.getProperty("CamelSchedulerPolledMessages", Boolean.class)).as("the claimer waits for its next look").isFalse();
        assertThat(calls).containsExactly("claim");
        template.send("direct:claim-posts", e -> { });
        assertThat(calls).containsExactly("claim", "claim", "analyse 10", "notice 10", "decide 10", "count 10", "moderate 10", "collect 10", "done 10");
    }

    @Test
    void theClaimsAreRenewedEachTimeTheRenewerFires() throws Exception {
        assertThat(context.getRouteController().getRouteStatus("renew-claims").isStopped()).as("a node that does not share the triage renews nothing")
                .isTrue();
        context.getRouteController().startRoute("renew-claims");
        template.sendBody("direct:renew-claims", null);
        assertThat(calls).containsExactly("renew");
        template.sendBody("direct:renew-claims", null);
        assertThat(calls).containsExactly("renew", "renew");
    }

    static Mention post(String id, String text, boolean retweet) {
        return new Mention(Platform.X, "brand", id, new Author("9", "jana_k", "Jana"), text, "en", Instant.parse("2026-12-03T10:00:00Z"), id, null, null,
                retweet, false);
    }

    public class Ledger {
        public boolean admit(Mention m) {
            calls.add("admit " + m.id());
            return !seen.contains(m.id());
        }

        public void done(Mention m) {
            calls.add("done " + m.id());
        }

        public boolean failed(Mention m, Throwable cause) {
            calls.add("failed " + m.id() + ": " + cause.getMessage());
            return !again.contains(m.id());
        }

        public boolean timedOut(Mention m, long timeoutMillis) {
            calls.add("timedOut " + m.id() + " after " + timeoutMillis + " ms");
            return true;
        }

        // Which posts hold the triage threads: TriageTimeoutTest, with the real ledger.
        public void dispatch(Mention m) {}

        public void started(Mention m) {}

        public void ended(Mention m) {}

        /** The shared triage's: called here, on one node, it would show in the calls. */
        public void record(Mention m) {
            calls.add("record " + m.id());
        }

        public Mention claim() {
            calls.add("claim");
            Object next = claimable.poll();
            if (next instanceof RuntimeException e) {
                throw e;
            }
            return (Mention) next;
        }

        public int renewClaims() {
            calls.add("renew");
            return 0;
        }
    }

    public class Analyse {
        public Triage analyse(Mention m) throws InterruptedException {
            calls.add("analyse " + m.id());
            if (failing.contains(m.id())) {
                throw new IllegalStateException("analysis broke");
            }
            if (hanging.contains(m.id())) {
                release.await(30, TimeUnit.SECONDS);
            }
            Analysis a = new Analysis("en", new Sentiment(Sentiment.Label.NEGATIVE, -0.6, 0.8), new Emotion(Emotion.Label.NONE, 0),
                    new Troll(false, 0, false, List.of()), new Intent(Intent.Label.PROBLEM, 0.8), List.of());
            return new Triage(m, a, null);
        }
    }

    public class Decide {
        public Triage decide(Triage t) {
            calls.add("decide " + t.mention().id());
            boolean reply = t.mention().text().startsWith("@acmeair");
            return new Triage(t.mention(), t.analysis(), reply ? new Decision("ticket", Decision.Action.TICKET, "ticket", "needs their record")
                    : new Decision("nothing", Decision.Action.IGNORE, (String) null, "nothing to answer"));
        }
    }

    /** A step that only passes the post on: notice, count, moderate, collect. */
    public class Step {
        private final String name;

        Step(String name) {
            this.name = name;
        }

        public Triage notice(Triage t) {
            return record("notice", t);
        }

        public Triage count(Triage t) {
            return record("count", t);
        }

        public Triage moderate(Triage t) {
            return record("moderate", t);
        }

        public Triage collect(Triage t) {
            return record("collect", t);
        }

        private Triage record(String method, Triage t) {
            assertThat(method).as("the bean bound as this step").isEqualTo(name);
            calls.add(method + " " + t.mention().id());
            return t;
        }
    }

    /** What the route logs of a draft. */
    public record Drafted(String id, Mention mention, String ruleId) {}

    public class Answered {
        public void notice(Mention m) {
            calls.add("answered " + m.id());
        }
    }

    public class Group {
        public Drafted place(Drafted d) {
            calls.add("place " + d.id());
            return d;
        }
    }

    public class Drafts {
        public Drafted draft(Triage t) {
            calls.add("draft " + t.mention().id());
            return new Drafted("d" + t.mention().id(), t.mention(), t.decision().ruleId());
        }
    }
}
