package org.careloop.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
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
 * routes/pipeline.yaml as a node runs it when the nodes share the triage, with the real ledger on a
 * database (claims work on H2 as on PostgreSQL) and stages that count what they are given: the feed's
 * intake only records, the node's claimers triage each post once, a failure is released and tried
 * again, then set aside, and a post another node claimed and never finished is taken once its lease is over.
 */
class SharedTriageTest {

    /** The pipeline's stages: analysing counts each post, fails those named "broken", waits for {@code open} on "slow". */
    public static final class Stages {
        final Map<String, AtomicInteger> analysed = new ConcurrentHashMap<>();
        final CountDownLatch open = new CountDownLatch(1);
        volatile boolean broken = true;

        public Triage analyse(Mention m) throws InterruptedException {
            analysed.computeIfAbsent(m.id(), k -> new AtomicInteger()).incrementAndGet();
            if (m.id().startsWith("slow")) {
                open.await(1, TimeUnit.MINUTES);
            }
            if (m.id().startsWith("broken") && broken) {
                throw new IllegalStateException("the database refused the analysis");
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

        int times(String id) {
            AtomicInteger n = analysed.get(id);
            return n == null ? 0 : n.get();
        }
    }

    static final String NODE = "node-here";
    /** Short, so the claims' renewal shows within a test; renewed every second (a third of it). */
    static final Duration LEASE = Duration.ofSeconds(3);

    String url;
    Database db;
    TriageLedger ledger;
    Stages stages;
    Main camel;
    ProducerTemplate intake;

    @BeforeEach
    void start() {
        // A database of its own per test: a claim takes the oldest post waiting, whichever test recorded it.
        url = "jdbc:h2:mem:shared-triage-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        db = Database.open(url, "sa", "");
        ledger = new TriageLedger(db.mentions(), db.alerts(), db.audit(), 3,
                new TriageLedger.Sharing(NODE, LEASE, Duration.ofMillis(300)));
        stages = new Stages();
        camel = new Main();
        camel.bind("triageLedger", ledger);
        for (String name : new String[] {"analysisStep", "ticketDesk", "decisionStep", "surgeStep", "moderator", "praiseFeed", "draftStep", "clustering", "answeredOnPlatform"}) {
            camel.bind(name, stages);
        }
        camel.addOverrideProperty("camel.main.routes-include-pattern", "classpath:routes/pipeline.yaml");
        camel.addOverrideProperty("careloop.triage.shared", "true");
        // As CamelSettings gives the routes: the triage threads resolved (the node's cores when unset).
        camel.addOverrideProperty("careloop.triage.threads", "2");
        camel.addOverrideProperty("careloop.triage.claim-interval-ms", "100");
        camel.addOverrideProperty("careloop.triage.claim-renew-ms", String.valueOf(LEASE.dividedBy(3).toMillis()));
        camel.addOverrideProperty("careloop.triage.timeout-ms", "20000");
        camel.start();
        intake = camel.getCamelContext().createProducerTemplate();
    }

    @AfterEach
    void stop() {
        stages.open.countDown();
        camel.stop();
        db.close();
    }

    static Mention post(String id) {
        return new Mention(Platform.X, "brand", id, new Author("u" + id, "cust" + id, "Customer"), "@acmeair where is my bag", "en",
                Instant.now(), id, null, null, false, false);
    }

    @Test
    @Timeout(60)
    void theFeedOnlyRecordsAndTheClaimersTriageEachPostOnce() throws Exception {
        // The feed does not wait for a triage: this one stays in its first stage while the feed goes on.
        Exchange slow = intake.send("direct:intake", e -> e.getMessage().setBody(post("slow-1")));
        assertThat(slow.getException()).isNull();
        for (int i = 0; i < 30; i++) {
            String id = "p" + i;
            assertThat(intake.send("direct:intake", e -> e.getMessage().setBody(post(id))).getException()).isNull();
        }
        // Read again by the feed (or another feed): recorded already, never triaged twice.
        for (int i = 0; i < 30; i += 3) {
            String id = "p" + i;
            intake.sendBody("direct:intake", post(id));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> triaged(ids("p", 30)) == 30);
        assertThat(stages.times("slow-1")).as("taken by a claimer, still in its stage").isEqualTo(1);
        assertThat(triaged("slow-1")).isZero();
        // Its claim is renewed while it stays in the stage, past the lease it was claimed for.
        Instant claimedUntil = claimedUntil("slow-1");
        await().atMost(Duration.ofSeconds(10)).until(() -> claimedUntil("slow-1").isAfter(claimedUntil.plus(LEASE)));
        assertThat(db.mentions().claim("another-node", Duration.ofSeconds(30), 3)).as("held by this node while it triages").isEmpty();
        stages.open.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> triaged("slow-1") == 1);

        for (int i = 0; i < 30; i++) {
            assertThat(stages.times("p" + i)).as("p%d analysed", i).isEqualTo(1);
        }
        assertThat(db.mentions().claim("another-node", Duration.ofSeconds(30), 3)).as("nothing left to claim").isEmpty();
        assertThat(ledger.setAside(10)).isEmpty();
    }

    @Test
    @Timeout(60)
    void aFailedTriageIsReleasedForAnotherAttemptThenSetAsideAndARetryTriagesItHere() {
        Exchange recorded = intake.send("direct:intake", e -> e.getMessage().setBody(post("broken-1")));
        assertThat(recorded.getException()).as("the feed never sees the triage's failures").isNull();
        await().atMost(Duration.ofSeconds(30)).until(() -> !ledger.setAside(10).isEmpty());
        assertThat(ledger.setAside(10)).singleElement().satisfies(s -> {
            assertThat(s.mention().id()).isEqualTo("broken-1");
            assertThat(s.attempts()).isEqualTo(3);
            assertThat(s.error()).isEqualTo("the database refused the analysis");
        });
        assertThat(stages.times("broken-1")).as("released twice, claimed again each time, then set aside").isEqualTo(3);
        // The alert follows the record of the last attempt, from the claimer's thread.
        await().atMost(Duration.ofSeconds(10)).until(() -> !db.alerts().open(10).isEmpty());
        assertThat(db.alerts().open(10)).singleElement().satisfies(a -> assertThat(a.message()).contains("Could not process x post broken-1"));

        // Fixed, then retried by a person: claimed for this node at once, triaged by the caller.
        stages.broken = false;
        Mention retried = ledger.retry(Platform.X, "broken-1", "lead").orElseThrow();
        assertThat(db.mentions().claim("another-node", Duration.ofSeconds(30), 3)).as("no other node takes the retried post").isEmpty();
        assertThat(intake.send("direct:triage-post", e -> e.getMessage().setBody(retried)).getException()).isNull();
        assertThat(stages.times("broken-1")).isEqualTo(4);
        assertThat(ledger.setAside(10)).isEmpty();
        assertThat(ledger.retry(Platform.X, "broken-1", "lead")).as("triaged: nothing to retry").isEmpty();
    }

    @Test
    @Timeout(60)
    void aPostClaimedByANodeThatDiedIsClaimedAgainWhenItsLeaseIsOver() throws Exception {
        // Another node claims the post before this one can (this node's claimers paused meanwhile), then dies.
        camel.getCamelContext().getRouteController().suspendRoute("claim-posts");
        intake.sendBody("direct:intake", post("orphan"));
        // Claimed for a few of this node's renewals: renewing its own claims never renews another's.
        Duration lease = LEASE.plusSeconds(2);
        Instant claimed = Instant.now();
        assertThat(db.mentions().claim("dead-node", lease, 3)).map(Mention::id).contains("orphan");
        camel.getCamelContext().getRouteController().resumeRoute("claim-posts");

        intake.sendBody("direct:intake", post("later"));
        await().atMost(Duration.ofSeconds(10)).until(() -> triaged("later") == 1);
        assertThat(Duration.between(claimed, Instant.now())).as("still within the dead node's lease").isLessThan(lease);
        assertThat(stages.times("orphan")).as("not taken from a claim that still holds").isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> triaged("orphan") == 1);
        assertThat(stages.times("orphan")).isEqualTo(1);
        assertThat(claimedBy("orphan")).as("the node that triaged it").isEqualTo(NODE);
    }

    /** How many of these posts are triaged, as the database says. */
    private long triaged(String... ids) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             PreparedStatement ps = c.prepareStatement("select count(*) from mentions where triaged_at is not null and id = any (?)")) {
            ps.setArray(1, c.createArrayOf("VARCHAR", ids));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String claimedBy(String id) throws Exception {
        return column(id, "claimed_by", rs -> rs.getString(1));
    }

    private Instant claimedUntil(String id) throws Exception {
        return column(id, "claimed_until", rs -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant());
    }

    private interface Read<T> {
        T from(ResultSet rs) throws java.sql.SQLException;
    }

    /** One column of one post's row, as the database has it. */
    private <T> T column(String id, String column, Read<T> read) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             PreparedStatement ps = c.prepareStatement("select " + column + " from mentions where id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return read.from(rs);
            }
        }
    }

    private static String[] ids(String prefix, int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> prefix + i).toArray(String[]::new);
    }
}
