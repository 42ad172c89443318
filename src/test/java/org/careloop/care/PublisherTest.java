package org.careloop.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.careloop.config.Json;
import org.careloop.config.Settings;
import org.careloop.platform.Author;
import org.careloop.platform.Connections;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.careloop.platform.PlatformAdapter;
import org.careloop.platform.PlatformException;
import org.careloop.platform.x.XAccount;
import org.careloop.platform.x.XAdapter;
import org.careloop.simulator.Simulator;
import org.careloop.simulator.SimulatorConfig;
import org.careloop.simulator.XWorld;
import org.careloop.store.Database;
import org.careloop.web.ApiResponse;
import org.careloop.web.DraftsApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing exactly once, against the simulator over real HTTP through twitter4j, with the
 * outbox in a real database: X accepting a post and then not answering, a 429 burst, 5xx with
 * jittered back-off, the retry budget and a manual retry, a crash between X's acceptance and the
 * database update, and duplicate-content refusals.
 */
class PublisherTest {

    static final Duration READ_TIMEOUT = Duration.ofMillis(700);
    static final Duration LEASE = Duration.ofMinutes(5);

    @TempDir
    Path dir;
    Simulator sim;
    Database db;
    XAdapter x;
    Connections connections;
    final TestClock clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    final HttpClient http = HttpClient.newHttpClient();

    /** A clock the test moves by hand, so back-off delays can be checked to the millisecond. */
    static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        void set(Instant t) {
            now = t;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @BeforeEach
    void start() throws Exception {
        sim = Simulator.start(new SimulatorConfig("127.0.0.1", 0, "none", null, 1));
        db = Database.open("jdbc:h2:file:" + dir.resolve("careloop").toAbsolutePath(), "careloop", "");
        x = new XAdapter(new XAccount("brand", sim.baseUrl() + "/", "sim-consumer-key", "sim-consumer-secret",
                "sim-acmeair-token", "sim-acmeair-secret", null, 100, READ_TIMEOUT));
        connections = new Connections(clock);
        connections.register(x);
    }

    @AfterEach
    void stop() {
        db.close();
        sim.stop();
    }

    Publisher publisher(int maxAttempts, Duration firstRetry, Clock clock, double... jitter) {
        Deque<Double> values = new ArrayDeque<>();
        for (double j : jitter) {
            values.add(j);
        }
        return new Publisher(db.outbox(), connections, clock, new Publisher.Policy(maxAttempts, firstRetry, Duration.ofMinutes(1), LEASE),
                () -> values.isEmpty() ? 0.5 : values.poll());
    }

    /** A customer's post on the simulated X, drafted and approved: its outbox entry is due now. */
    Draft approvedReplyTo(String handle, String postText, String replyText) throws Exception {
        String postId = customerPost(handle, postText);
        Mention m = new Mention(Platform.X, "brand", postId, new Author(null, handle, null), postText, "en", clock.instant(), postId,
                null, "https://x.com/" + handle + "/status/" + postId, false, false);
        db.mentions().insertIfNew(m);
        Draft d = db.drafts().create(new Draft(0, m, null, "test", "test", replyText, DraftStatus.PENDING, clock.instant(),
                clock.instant().plusSeconds(600), null, null, null, null));
        return db.drafts().approve(d.id(), "agent1", null, clock.instant()).orElseThrow();
    }

    String customerPost(String handle, String text) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/2/tweets"))
                .header("Authorization", "Bearer sim:" + handle).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().createObjectNode().put("text", text).toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Json.mapper().readTree(r.body()).at("/data/id").asText();
    }

    void fault(String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/sim/faults"))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    /** How many calls the injected faults still cover. */
    int faultsLeft() throws Exception {
        JsonNode pending = Json.mapper().readTree(http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/sim/faults")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        int left = 0;
        for (JsonNode f : pending) {
            left += f.get("times").asInt();
        }
        return left;
    }

    /** The brand's replies in the customer's thread, as the simulator recorded them. */
    List<XWorld.Post> repliesTo(Draft d) {
        return sim.published().stream().filter(p -> d.mention().id().equals(p.inReplyToId())).toList();
    }

    Draft reload(Draft d) {
        return db.drafts().find(d.id()).orElseThrow();
    }

    Outbox.OutboxEntry outbox(Draft d) {
        return db.outbox().outboxOf(d.id()).orElseThrow();
    }

    @Test
    void xAcceptsThePostButAnswersTooLate_theRetryFindsItAndPostsNothing() throws Exception {
        Draft d = approvedReplyTo("priya", "@acmeair is the lounge in T2 open at 5am?", "@priya Yes, from 4:30 am. Have a good flight!");
        org.careloop.metrics.RecordedMetrics metrics = new org.careloop.metrics.RecordedMetrics();
        Publisher publisher = publisher(8, Duration.ofSeconds(5), clock).withMetrics(metrics);
        fault("{\"endpoint\":\"POST /2/tweets\",\"kind\":\"accept-then-timeout\",\"delayMs\":2500}");

        assertThat(publisher.publishDue()).isZero();
        assertThat(repliesTo(d)).as("X accepted the post").hasSize(1);
        assertThat(reload(d).status()).isEqualTo(DraftStatus.APPROVED);
        Outbox.OutboxEntry afterTimeout = outbox(d);
        assertThat(afterTimeout.attempts()).isEqualTo(1);
        assertThat(afterTimeout.lastError()).contains("no answer in time");

        // Meanwhile the brand answers someone else, so X's duplicate check alone would not stop a second copy.
        answerSomeoneElse();
        clock.set(afterTimeout.nextAttemptAt());
        assertThat(publisher.publishDue()).isEqualTo(1);
        List<XWorld.Post> replies = repliesTo(d);
        assertThat(replies).as("exactly one reply in the thread").hasSize(1);
        Draft published = reload(d);
        assertThat(published.status()).isEqualTo(DraftStatus.PUBLISHED);
        assertThat(published.publishedId()).isEqualTo(replies.get(0).id());
        // Threaded and public: in reply to the customer's post, in its conversation.
        assertThat(replies.get(0).conversationId()).isEqualTo(d.mention().id());
        assertThat(replies.get(0).text()).isEqualTo(d.text());

        clock.advance(Duration.ofHours(1));
        assertThat(publisher.publishDue()).isZero();
        assertThat(repliesTo(d)).hasSize(1);
        // Operators see two attempts, the first failed transiently, and one reply out.
        assertThat(metrics.events).containsExactly("publishAttempted x brand", "publishFailed x brand transient",
                "publishAttempted x brand", "replyPublished x brand " + d.id());
    }

    /** The brand posts something else, as it does all day: X's duplicate check only looks at recent identical text. */
    void answerSomeoneElse() throws Exception {
        String other = customerPost("zed", "@acmeair hi there");
        sim.world().publish(sim.world().brand().id(), "@zed Hi Zed, how can we help?", other, null, null, "en");
    }

    @Test
    void a429BurstWaitsForTheResetThenPublishesEachReplyOnceWithoutSpendingTheRetryBudget() throws Exception {
        Draft a = approvedReplyTo("ana", "@acmeair can I bring my cat on board?", "@ana Yes, in a carrier under the seat.");
        Draft b = approvedReplyTo("ben", "@acmeair is wifi free on long flights?", "@ben It is, for every passenger.");
        Draft c = approvedReplyTo("cem", "@acmeair how early should I check in?", "@cem Two hours before departure.");
        // The real clock: X's reset header is wall-clock time. Two attempts only: 429s must not use them up.
        Publisher publisher = publisher(2, Duration.ofMillis(200), Clock.systemUTC());
        fault("{\"endpoint\":\"POST /2/tweets\",\"status\":429,\"times\":3,\"resetInSeconds\":1}");

        long calledAt = Instant.now().getEpochSecond();
        assertThat(publisher.publishDue()).isZero();
        // One call earned the 429; the account's other replies waited for the reset without calling.
        assertThat(faultsLeft()).isEqualTo(2);
        Outbox.OutboxEntry first = outbox(a);
        assertThat(first.attempts()).isZero();
        assertThat(first.lastError()).contains("HTTP 429");
        assertThat(first.nextAttemptAt().getEpochSecond()).isBetween(calledAt + 1, calledAt + 3);
        assertThat(publisher.publishDue()).as("before the reset").isZero();
        assertThat(faultsLeft()).isEqualTo(2);

        // The outbox's round every 100 ms, as its route runs it; a call before the reset fails at once, not at the timeout.
        await().alias("the three replies published after X's reset").atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100)).pollInSameThread().until(() -> {
                    publisher.publishDue();
                    if (Instant.now().isBefore(first.nextAttemptAt())) {
                        assertThat(faultsLeft()).as("no call before the reset X gave").isEqualTo(2);
                    }
                    return List.of(a, b, c).stream().allMatch(d -> reload(d).status() == DraftStatus.PUBLISHED);
                });
        assertThat(faultsLeft()).isZero();
        for (Draft d : List.of(a, b, c)) {
            Draft done = reload(d);
            assertThat(done.status()).as("draft " + d.id()).isEqualTo(DraftStatus.PUBLISHED);
            assertThat(repliesTo(d)).as("replies to draft " + d.id()).hasSize(1);
            assertThat(done.publishedId()).isEqualTo(repliesTo(d).get(0).id());
        }
        assertThat(sim.published()).hasSize(3);
    }

    @Test
    void serverErrorsBackOffExponentiallyWithJitter() throws Exception {
        Draft d = approvedReplyTo("dan", "@acmeair my flight shows cancelled?", "@dan Sorry Dan, we're checking right now.");
        // first retry 2 s; jitter 0.25 then 0.75 of the random half
        Publisher publisher = publisher(5, Duration.ofSeconds(2), clock, 0.25, 0.75);
        fault("{\"endpoint\":\"POST /2/tweets\",\"status\":503,\"times\":2}");
        Instant t0 = clock.instant();

        assertThat(publisher.publishDue()).isZero();
        Instant firstRetry = t0.plusMillis(1000 + 250);
        assertThat(outbox(d).nextAttemptAt()).isEqualTo(firstRetry);

        clock.set(firstRetry.minusMillis(1));
        assertThat(publisher.publishDue()).isZero();
        assertThat(faultsLeft()).as("not called before its time").isEqualTo(1);

        clock.set(firstRetry);
        assertThat(publisher.publishDue()).isZero();
        Instant secondRetry = firstRetry.plusMillis(2000 + 1500);
        assertThat(outbox(d).nextAttemptAt()).isEqualTo(secondRetry);
        assertThat(outbox(d).attempts()).isEqualTo(2);

        clock.set(secondRetry);
        assertThat(publisher.publishDue()).isEqualTo(1);
        assertThat(repliesTo(d)).hasSize(1);
        assertThat(reload(d).publishedId()).isEqualTo(repliesTo(d).get(0).id());
    }

    @Test
    void backOffDoublesUpToTheCapAndJitterStaysInItsUpperHalf() {
        Publisher low = publisher(8, Duration.ofSeconds(2), clock, 0.0, 0.0, 0.0);
        assertThat(low.backOff(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(low.backOff(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(low.backOff(40)).as("capped at a minute").isEqualTo(Duration.ofSeconds(30));
        Publisher high = publisher(8, Duration.ofSeconds(2), clock, 1.0, 1.0);
        assertThat(high.backOff(3)).isEqualTo(Duration.ofSeconds(16));
        assertThat(high.backOff(40)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void thePolicyComesFromSettingsAndRefusesNonsense() {
        Publisher.Policy p = Publisher.Policy.fromSettings(Settings.of(Map.of(
                "careloop.outbox.max-attempts", "3", "careloop.outbox.first-retry", "2s",
                "careloop.outbox.max-retry", "1m", "careloop.outbox.sending-lease", "90s")));
        assertThat(p).isEqualTo(new Publisher.Policy(3, Duration.ofSeconds(2), Duration.ofMinutes(1), Duration.ofSeconds(90)));
        assertThat(Publisher.Policy.fromSettings(Settings.of(Map.of())))
                .isEqualTo(new Publisher.Policy(8, Duration.ofSeconds(5), Duration.ofMinutes(10), Duration.ofMinutes(5)));
        assertThatThrownBy(() -> new Publisher.Policy(0, Duration.ofSeconds(1), Duration.ofMinutes(1), LEASE))
                .hasMessageContaining("max-attempts");
        assertThatThrownBy(() -> new Publisher.Policy(3, Duration.ofMinutes(2), Duration.ofMinutes(1), LEASE))
                .hasMessageContaining("first-retry");
    }

    @Test
    void afterTheRetryBudgetTheDraftFailsWithXsErrorAndAManualRetryPublishesIt() throws Exception {
        Draft d = approvedReplyTo("eva", "@acmeair where do I claim a damaged bag?", "@eva At the baggage desk, or online.");
        Publisher publisher = publisher(2, Duration.ofSeconds(1), clock);
        fault("{\"endpoint\":\"POST /2/tweets\",\"status\":503,\"times\":2}");

        publisher.publishDue();
        clock.set(outbox(d).nextAttemptAt());
        publisher.publishDue();
        Draft failed = reload(d);
        assertThat(failed.status()).isEqualTo(DraftStatus.FAILED);
        assertThat(failed.error()).isEqualTo("X API could not publish a reply: HTTP 503 Injected by /sim/faults");
        assertThat(outbox(d).status()).isEqualTo(Outbox.OutboxStatus.FAILED);
        clock.advance(Duration.ofHours(1));
        assertThat(publisher.publishDue()).isZero();
        assertThat(sim.published()).isEmpty();

        DraftsApi api = new DraftsApi(db.drafts(), db.mentions(), db.users(), Duration.ofMinutes(5), clock);
        ApiResponse retried = api.retry(String.valueOf(d.id()), "agent2");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(reload(d).status()).isEqualTo(DraftStatus.APPROVED);
        assertThat(api.retry(String.valueOf(d.id()), "agent2").status()).as("no longer failed").isEqualTo(409);
        assertThat(api.retry("424242", "agent2").status()).isEqualTo(404);

        assertThat(publisher.publishDue()).isEqualTo(1);
        assertThat(reload(d).status()).isEqualTo(DraftStatus.PUBLISHED);
        assertThat(repliesTo(d)).hasSize(1);
    }

    @Test
    void aCrashAfterXAcceptedButBeforeTheDatabaseKnewLeavesOneReply() throws Exception {
        Draft d = approvedReplyTo("fay", "@acmeair can I change my seat online?", "@fay Yes: Manage booking, then Seats.");
        Outbox.OutboxEntry entry = outbox(d);
        // The publisher that crashed: it marked the attempt in flight, X accepted the post, then the process died.
        Instant crashedAt = clock.instant();
        assertThat(db.outbox().markSending(entry.id(), crashedAt, crashedAt.plus(LEASE))).isTrue();
        PlatformAdapter.Published accepted = x.publish(new PlatformAdapter.Reply(String.valueOf(entry.id()), entry.inReplyToId(), entry.text()));
        answerSomeoneElse();

        Publisher restarted = publisher(8, Duration.ofSeconds(5), clock);
        clock.advance(Duration.ofSeconds(30));
        assertThat(restarted.publishDue()).as("while the lease runs").isZero();
        clock.set(crashedAt.plus(LEASE));
        assertThat(restarted.publishDue()).isEqualTo(1);

        assertThat(repliesTo(d)).hasSize(1);
        assertThat(reload(d).status()).isEqualTo(DraftStatus.PUBLISHED);
        assertThat(reload(d).publishedId()).isEqualTo(accepted.id());
        assertThat(db.audit().latest(20)).anyMatch(e -> e.action().equals("draft.publish") && accepted.id().equals(e.detail()));
    }

    @Test
    void aCrashBeforeTheCallReachedXPublishesOnceAfterTheLease() throws Exception {
        Draft d = approvedReplyTo("gus", "@acmeair do you fly to Porto?", "@gus Daily from Lisbon and London.");
        Instant crashedAt = clock.instant();
        assertThat(db.outbox().markSending(outbox(d).id(), crashedAt, crashedAt.plus(LEASE))).isTrue();

        clock.set(crashedAt.plus(LEASE));
        assertThat(publisher(8, Duration.ofSeconds(5), clock).publishDue()).isEqualTo(1);
        assertThat(repliesTo(d)).hasSize(1);
        assertThat(reload(d).publishedId()).isEqualTo(repliesTo(d).get(0).id());
    }

    @Test
    void aLookInTheThreadThatOutlastsHalfTheLeaseSendsNothing() throws Exception {
        Draft d = approvedReplyTo("jon", "@acmeair is gate B12 far from security?", "@jon About 10 minutes on foot.");
        Instant crashedAt = clock.instant();
        db.outbox().markSending(outbox(d).id(), crashedAt, crashedAt.plus(LEASE));
        clock.set(crashedAt.plus(LEASE));
        // X answers the look so slowly that the lease is half gone: a post now could outlive the lease.
        Connections slow = new Connections(clock);
        slow.register(new SlowLookup(x, () -> clock.advance(LEASE.dividedBy(2).plusSeconds(1))));
        Publisher publisher = new Publisher(db.outbox(), slow, clock, new Publisher.Policy(8, Duration.ofSeconds(5), Duration.ofMinutes(1), LEASE),
                () -> 0.0);
        assertThat(publisher.publishDue()).isZero();
        assertThat(sim.published()).isEmpty();
        assertThat(outbox(d).status()).isEqualTo(Outbox.OutboxStatus.PENDING);
        assertThat(outbox(d).lastError()).contains("took too long");

        clock.set(outbox(d).nextAttemptAt());
        assertThat(publisher(8, Duration.ofSeconds(5), clock).publishDue()).isEqualTo(1);
        assertThat(repliesTo(d)).hasSize(1);
    }

    /** The real X adapter, with time passing while it looks for a reply. */
    record SlowLookup(PlatformAdapter real, Runnable whileLooking) implements PlatformAdapter {
        @Override
        public Platform platform() {
            return real.platform();
        }

        @Override
        public String account() {
            return real.account();
        }

        @Override
        public List<String> feeds() {
            return real.feeds();
        }

        @Override
        public Batch fetch(String feed, String sinceCursor) throws PlatformException {
            return real.fetch(feed, sinceCursor);
        }

        @Override
        public Published publish(Reply reply) throws PlatformException {
            return real.publish(reply);
        }

        @Override
        public Optional<Published> findReply(Reply reply) throws PlatformException {
            Optional<Published> found = real.findReply(reply);
            whileLooking.run();
            return found;
        }

        @Override
        public Identity identify() throws PlatformException {
            return real.identify();
        }
    }

    @Test
    void aDuplicateRefusalCountsAsPublishedOnlyWhenTheCopyIsInThisThread() throws Exception {
        Draft mine = approvedReplyTo("hal", "@acmeair lost my charger on AA12", "@hal So sorry! Lost & found will email you.");
        // An earlier copy CareLoop has no record of (say, an attempt whose record was lost), already in the thread.
        String earlier = sim.world().publish(sim.world().brand().id(), mine.text(), mine.mention().id(), null, null, "en").id();
        Publisher publisher = publisher(8, Duration.ofSeconds(5), clock);
        assertThat(publisher.publishDue()).isEqualTo(1);
        assertThat(repliesTo(mine)).extracting(XWorld.Post::id).containsExactly(earlier);
        assertThat(reload(mine).publishedId()).isEqualTo(earlier);

        // The same text posted last in someone else's thread: X refuses it and it is not ours to claim.
        Draft other = approvedReplyTo("ida", "@acmeair lost my phone on AA12", mine.text());
        assertThat(publisher.publishDue()).isZero();
        Draft failed = reload(other);
        assertThat(failed.status()).isEqualTo(DraftStatus.FAILED);
        assertThat(failed.error()).contains("HTTP 403", "duplicate");
        assertThat(repliesTo(other)).isEmpty();
    }
}
