package org.careloop.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.careloop.pipeline.MentionStore;
import org.careloop.platform.Author;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The claims of the triage shared by several nodes ({@link MentionStore#claim}), on PostgreSQL, where
 * the nodes share it, and on H2, which runs the same statements: each post recorded is claimed by
 * one claimer at a time, oldest first, its attempts counted as the intake counts them; a claim ends
 * with the triage, a release or its lease. Every test has a database of its own: a claim takes the
 * oldest post waiting, whoever recorded it.
 */
class MentionClaimsTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final Duration LONG = Duration.ofMinutes(5);

    static EmbeddedPostgres postgres;
    Database db;
    String url;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    MentionStore open(String kind) throws Exception {
        String name = "claims" + DATABASES.incrementAndGet();
        if (kind.equals("postgresql")) {
            try (Connection c = postgres.getPostgresDatabase().getConnection()) {
                c.createStatement().execute("create database " + name);
            }
            url = postgres.getJdbcUrl("postgres", name);
            db = Database.open(url, "postgres", "postgres");
            assertThat(db.kind()).isEqualTo("PostgreSQL");
        } else {
            url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
            db = Database.open(url, "sa", "");
            assertThat(db.kind()).isEqualTo("H2");
        }
        return db.mentions();
    }

    static Mention post(String id) {
        return new Mention(Platform.X, "brand", id, new Author("u" + id, "cust" + id, "Customer " + id), "@acmeair my bag is lost", "en",
                Instant.parse("2026-12-04T10:00:00Z"), id, null, null, false, false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void eachPostIsClaimedOnceOldestFirstWithItsAttemptCounted(String kind) throws Exception {
        MentionStore mentions = open(kind);
        for (int i = 1; i <= 3; i++) {
            assertThat(mentions.insertIfNew(post("p" + i))).isTrue();
        }
        List<String> order = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            order.add(mentions.claim("node-a", LONG, 3).map(Mention::id).orElseThrow());
        }
        assertThat(order).containsExactlyInAnyOrder("p1", "p2", "p3");
        assertThat(seenAt(order)).as("oldest first").isSorted();
        assertThat(mentions.claim("node-b", LONG, 3)).as("every post held").isEmpty();
        assertThat(mentions.insertIfNew(post("p2"))).as("recorded once").isFalse();
        assertThat(row("p2")).isEqualTo(new Row(1, "node-a", false));

        mentions.triaged(Platform.X, "p2");
        assertThat(row("p2")).as("the node that triaged it stays").isEqualTo(new Row(1, "node-a", true));
        assertThat(mentions.renew(Platform.X, "p2", "node-a", LONG)).as("triaged: nothing to renew").isFalse();
        assertThat(mentions.release(Platform.X, "p2", "node-a", Duration.ZERO)).as("triaged: nothing to release").isFalse();
        assertThat(mentions.claim("node-b", LONG, 3)).as("triaged, never claimed again").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void claimersRacingOverManyPostsNeverShareOne(String kind) throws Exception {
        MentionStore mentions = open(kind);
        int posts = 300;
        for (int i = 0; i < posts; i++) {
            mentions.insertIfNew(post("r" + i));
        }
        Map<String, String> claimedBy = new ConcurrentHashMap<>();
        AtomicInteger twice = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> claimers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                String node = "node-" + (t % 3) + "-" + t;
                claimers.add(pool.submit(() -> {
                    Optional<Mention> m;
                    while ((m = mentions.claim(node, LONG, 3)).isPresent()) {
                        if (claimedBy.putIfAbsent(m.get().id(), node) != null) {
                            twice.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : claimers) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(twice).as("posts claimed twice").hasValue(0);
        assertThat(claimedBy).hasSize(posts);
        assertThat(count("triage_attempts = 1")).as("one attempt each").isEqualTo(posts);
        assertThat(claimedBy.values().stream().distinct().count()).as("the claimers shared the posts").isGreaterThan(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void aClaimHoldsUntilItsLeaseRunsOutOrItsNodeReleasesIt(String kind) throws Exception {
        MentionStore mentions = open(kind);
        mentions.insertIfNew(post("held"));
        Instant claimed = Instant.now();
        Duration lease = Duration.ofSeconds(2);
        assertThat(mentions.claim("node-a", lease, 3)).map(Mention::id).contains("held");
        assertThat(mentions.claim("node-b", LONG, 3)).as("held by node-a").isEmpty();
        assertThat(Duration.between(claimed, Instant.now())).as("checked within the lease").isLessThan(lease);
        assertThat(mentions.release(Platform.X, "held", "node-b", Duration.ZERO)).as("not node-b's to release").isFalse();
        assertThat(mentions.renew(Platform.X, "held", "node-b", LONG)).as("nor to renew").isFalse();
        // While node-a triages, it renews its claim for another lease from now; its last renewal, then it dies.
        Instant first = claimedUntil("held");
        assertThat(mentions.renew(Platform.X, "held", "node-a", LONG)).isTrue();
        assertThat(claimedUntil("held")).as("renewed").isAfter(first.plus(LONG.minus(lease)));
        assertThat(mentions.renew(Platform.X, "held", "node-a", lease)).isTrue();

        // node-a died: its lease runs out unrenewed and node-b takes the post, a second (interrupted) attempt.
        await().atMost(Duration.ofSeconds(10)).until(() -> mentions.claim("node-b", LONG, 3).isPresent());
        assertThat(row("held")).isEqualTo(new Row(2, "node-b", false));
        assertThat(mentions.release(Platform.X, "held", "node-a", Duration.ZERO)).as("node-a lost it").isFalse();
        assertThat(mentions.renew(Platform.X, "held", "node-a", LONG)).as("for good").isFalse();

        // node-b's triage failed: released, and claimed again once the pause is over.
        assertThat(mentions.triageFailed(Platform.X, "held", "boom")).isEqualTo(2);
        assertThat(mentions.release(Platform.X, "held", "node-b", LONG)).isTrue();
        assertThat(mentions.claim("node-c", LONG, 3)).as("waits for its pause").isEmpty();
        assertThat(mentions.release(Platform.X, "held", "node-b", Duration.ZERO)).isTrue();
        assertThat(mentions.claim("node-c", LONG, 3)).map(Mention::id).contains("held");
        assertThat(row("held")).isEqualTo(new Row(3, "node-c", false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void aPostWhoseAttemptsRanOutWaitsForAPersonWhoseRetryIsClaimedAtOnce(String kind) throws Exception {
        MentionStore mentions = open(kind);
        mentions.insertIfNew(post("failing"));
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(mentions.claim("node-a", LONG, 3)).as("attempt %d", attempt).isPresent();
            assertThat(mentions.triageFailed(Platform.X, "failing", "boom " + attempt)).isEqualTo(attempt);
            // Under its last claim the post is still being triaged: not set aside until its node lets go.
            assertThat(mentions.findSetAside(Platform.X, "failing", 3)).as("held by attempt %d", attempt).isEmpty();
            mentions.release(Platform.X, "failing", "node-a", Duration.ZERO);
        }
        assertThat(mentions.claim("node-a", LONG, 3)).as("set aside").isEmpty();
        assertThat(mentions.findSetAside(Platform.X, "failing", 3)).hasValueSatisfying(s -> assertThat(s.error()).isEqualTo("boom 3"));

        assertThat(mentions.retryClaimed(Platform.X, "failing", 3, "node-b", LONG)).isTrue();
        assertThat(mentions.claim("node-a", LONG, 3)).as("claimed by node-b with the retry").isEmpty();
        assertThat(row("failing")).isEqualTo(new Row(3, "node-b", false));
        assertThat(mentions.retryClaimed(Platform.X, "failing", 3, "node-c", LONG)).as("one retry").isFalse();
        mentions.triaged(Platform.X, "failing");
        assertThat(mentions.findSetAside(Platform.X, "failing", 3)).isEmpty();

        // Claims that never reported back (their node killed, every time) get three times the room, as admit's do.
        mentions.insertIfNew(post("killer"));
        int room = 3 * MentionStore.INTERRUPTED_ROOM;
        for (int attempt = 1; attempt <= room; attempt++) {
            // Each claim's lease is over a millisecond later: claimed again, the claim before it interrupted.
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(2))
                    .until(() -> mentions.claim("node-a", Duration.ofMillis(1), 3).isPresent());
        }
        assertThat(row("killer").attempts()).isEqualTo(room);
        assertThat(mentions.claim("node-a", LONG, 3)).as("a post that stopped every node is set aside").isEmpty();
        // Set aside once its last claim's millisecond lease is over.
        await().atMost(Duration.ofSeconds(5)).until(() -> mentions.findSetAside(Platform.X, "killer", 3).isPresent());
    }

    record Row(int attempts, String claimedBy, boolean triaged) {}

    private Row row(String id) throws Exception {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(
                "select triage_attempts, claimed_by, triaged_at from mentions where platform = 'x' and id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("post %s recorded", id).isTrue();
                return new Row(rs.getInt(1), rs.getString(2), rs.getObject(3) != null);
            }
        }
    }

    private Instant claimedUntil(String id) throws Exception {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement("select claimed_until from mentions where platform = 'x' and id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
            }
        }
    }

    private List<Instant> seenAt(List<String> ids) throws Exception {
        List<Instant> out = new ArrayList<>();
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement("select seen_at from mentions where platform = 'x' and id = ?")) {
            for (String id : ids) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    out.add(rs.getObject(1, java.time.OffsetDateTime.class).toInstant());
                }
            }
        }
        return out;
    }

    private int count(String where) throws Exception {
        try (Connection c = connection(); ResultSet rs = c.createStatement().executeQuery("select count(*) from mentions where " + where)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private Connection connection() throws Exception {
        return url.startsWith("jdbc:h2:") ? java.sql.DriverManager.getConnection(url, "sa", "")
                : java.sql.DriverManager.getConnection(url, "postgres", "postgres");
    }
}
