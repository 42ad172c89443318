package org.careloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.careloop.simulator.Simulator;
import org.careloop.simulator.SimulatorConfig;
import org.careloop.simulator.XWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three CareLoop processes on one PostgreSQL share a spike of X mentions of one account (1,000 in the
 * build, 10,000 on demand: {@link #SPIKE}), in unattended mode, and one of them is killed with SIGKILL
 * in the middle of it (a third triaged, the node that polled last): the node that polls
 * only records the posts and every node claims and triages them, so the survivors finish the dead
 * node's share, the posts it held included once their claims' lease runs out. Checked in the database
 * and at the simulated X: every post triaged exactly once (one attempt each, but the few the dead node
 * held), every reply published exactly once, each SLA holding reply at most once, the account polled
 * by one node at a time. Prints the time to triage the spike and each node's share.
 */
class MultiNodeIT {

    /**
     * The spike's size. 10,000 posts take 2 shared cores far longer than a build can give this test (the figures are
     * in the README's Tests): every build runs 1,000, and {@code -Dcareloop.multinode.posts=10000} the whole spike.
     */
    static final int SPIKE = Integer.getInteger("careloop.multinode.posts", 1_000);
    static final List<String> NODES = List.of("a", "b", "c");
    /** Claimers per node (routes/pipeline.yaml): the most posts a node holds at once. */
    static final int CLAIMERS = 4;
    static final String API_TOKEN = "multi-node-test-token-8Kd3";

    @TempDir
    Path dir;

    @Test
    void threeNodesTriageASpikeOnceEachThoughOneIsKilled() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             Simulator sim = Simulator.start(new SimulatorConfig("127.0.0.1", 0, "none", null, 1));
             ApiRelays relays = new ApiRelays(sim.port())) {
            // X's limits for one account are far below a spike's replies; the test is about CareLoop, not them.
            for (String endpoint : List.of("POST /2/tweets", "GET /2/users/:id/mentions", "GET /2/tweets/search/recent", "GET /2/users/:id/tweets")) {
                limit(sim, endpoint, 1_000_000);
            }
            List<XWorld.User> customers = SpikePosts.customers(sim.world(), 0, SPIKE);
            String jdbc = postgres.getJdbcUrl("postgres", "postgres");
            Path logs = Files.createDirectories(Path.of("target", "multi-node"));
            Map<String, CareLoopProcess> nodes = new LinkedHashMap<>();
            Map<String, String> byPid = new HashMap<>();
            Thread progress = null;
            try {
                for (String node : NODES) {
                    CareLoopProcess p = CareLoopProcess.start(environment(jdbc, relays, node), Files.createDirectories(dir.resolve(node)),
                            logs.resolve("node-" + node + ".log"));
                    nodes.put(node, p);
                    byPid.put("-" + p.process().pid(), node);
                }
                for (CareLoopProcess n : nodes.values()) {
                    n.awaitReady();
                    n.awaitLog("posts are triaged by every node", Duration.ofSeconds(90));
                }
                XWorld world = sim.world();
                // A first post, answered: the feed has its cursor, so the spike is read from it on.
                XWorld.Post first = world.publish(world.userOrCreate("early_bird", "Early Bird").id(),
                        "@acmeair thank you! The crew on flight 100 to Denver were wonderful today", null, null, null, "en");
                await().atMost(Duration.ofSeconds(120)).until(() -> sim.published().stream().anyMatch(r -> first.id().equals(r.inReplyToId())));

                Instant spikeAt = Instant.now();
                progress = progress(jdbc, relays, spikeAt);
                List<XWorld.Post> spike = SpikePosts.post(world, customers, 0);
                System.out.printf(Locale.ROOT, "Spike: %,d mentions posted in %.1f s%n", SPIKE, seconds(spikeAt, Instant.now()));
                Set<String> ids = spike.stream().map(XWorld.Post::id).collect(Collectors.toSet());
                try (Connection db = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
                    createSpikeTable(db, ids);

                    // A third triaged: the node that polled last is killed, claims in hand.
                    await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofMillis(500))
                            .until(() -> count(db, "mentions m join spike s on s.id = m.id where m.triaged_at is not null") >= SPIKE / 3);
                    String dead = lastPoller(relays);
                    int heldAtKill = count(db, "mentions m join spike s on s.id = m.id where m.triaged_at is null and m.claimed_until > now()");
                    int triagedAtKill = count(db, "mentions m join spike s on s.id = m.id where m.triaged_at is not null");
                    nodes.get(dead).kill();
                    Instant killed = Instant.now();
                    System.out.printf(Locale.ROOT, "Node %s killed with SIGKILL %.1f s into the spike, %,d posts triaged, %d held by claims%n",
                            dead, seconds(spikeAt, killed), triagedAtKill, heldAtKill);

                    await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(1))
                            .until(() -> count(db, "mentions m join spike s on s.id = m.id where m.triaged_at is not null") == SPIKE);
                    double triageSeconds = seconds(spikeAt, lastTriaged(db, ""));
                    double claimedOnce = seconds(spikeAt, lastTriaged(db, " where m.triage_attempts = 1"));
                    Map<String, Integer> shares = shares(db, byPid);
                    System.out.printf(Locale.ROOT, "Spike of %,d posts triaged in %.1f s (%.0f posts/s on %d nodes, one killed; %.1f s for all "
                            + "but those the dead node held, which waited for their claims' lease); shares: %s%n",
                            SPIKE, triageSeconds, SPIKE / triageSeconds, NODES.size(), claimedOnce, shareText(shares));

                    // Every post once: one attempt each, but those the dead node held, claimed again once.
                    assertThat(count(db, "mentions m join spike s on s.id = m.id where m.triage_error is not null"))
                            .as("posts whose triage failed").isZero();
                    int again = count(db, "mentions m join spike s on s.id = m.id where m.triage_attempts > 1");
                    assertThat(again).as("posts claimed more than once: at most the dead node's %d claims", CLAIMERS)
                            .isLessThanOrEqualTo(CLAIMERS);
                    assertThat(count(db, "mentions m join spike s on s.id = m.id where m.triage_attempts > 2")).isZero();
                    assertThat(shares).as("every node triaged part of the spike").containsOnlyKeys(NODES).allSatisfy((n, posts) ->
                            assertThat(posts).as("node %s's share", n).isPositive());
                    for (String n : NODES) {
                        if (!n.equals(dead)) {
                            assertThat(shares.get(n)).as("survivor %s's share", n).isGreaterThan(SPIKE / 10);
                        }
                    }
                    // One reply draft per post the rules answer, none for the others.
                    assertThat(count(db, "(select d.mention_id from drafts d join spike s on s.id = d.mention_id where d.kind = 'REPLY' "
                            + "group by d.mention_id having count(*) > 1) twice")).as("posts drafted twice").isZero();
                    assertThat(count(db, "drafts d join spike s on s.id = d.mention_id where d.kind = 'REPLY'"))
                            .as("a reply drafted for each post the rules answer")
                            .isEqualTo(count(db, "mentions m join spike s on s.id = m.id where m.decided_action in ('REPLY', 'TICKET')"))
                            .isGreaterThan(SPIKE / 2);

                    // Settled: what was approved is out, and the SLA sweep took the holding milestone of every reply still
                    // waiting for a person (held_at: taken once, in the database, whichever node sweeps).
                    await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(1)).until(() ->
                            count(db, "drafts d join spike s on s.id = d.mention_id where d.status = 'APPROVED'") == 0
                            && count(db, "drafts r join spike s on s.id = r.mention_id where r.kind = 'REPLY' and r.status = 'PENDING' "
                                    + "and r.held_at is null") == 0);
                    // A milestone is taken, then its holding reply drafted: a node killed between the two loses that one.
                    int unheld = count(db, "drafts r join spike s on s.id = r.mention_id where r.kind = 'REPLY' and r.status = 'PENDING' and not exists "
                            + "(select 1 from drafts h where h.kind = 'HOLDING' and h.platform = r.platform and h.mention_id = r.mention_id)");
                    System.out.printf(Locale.ROOT, "Settled %.1f s after the spike: every approved reply published, every waiting one's holding "
                            + "milestone taken (%d without a holding reply)%n", seconds(spikeAt, Instant.now()), unheld);
                    assertThat(unheld).as("waiting replies whose holding reply the kill cut short").isLessThanOrEqualTo(1);

                    assertThat(count(db, "(select d.mention_id from drafts d join spike s on s.id = d.mention_id where d.kind = 'HOLDING' "
                            + "group by d.mention_id having count(*) > 1) twice")).as("posts held twice").isZero();
                    int holding = count(db, "drafts d join spike s on s.id = d.mention_id where d.kind = 'HOLDING' and d.status = 'PUBLISHED'");
                    assertThat(holding).as("holding replies sent to posts waiting for a person").isPositive();
                    assertThat(count(db, "drafts d join spike s on s.id = d.mention_id where d.status = 'FAILED'")).as("replies that failed").isZero();

                    // At X: each published draft's reply is there once, in its post's thread, and nothing else is.
                    Map<String, Long> onX = sim.published().stream().filter(r -> ids.contains(r.inReplyToId()))
                            .collect(Collectors.groupingBy(XWorld.Post::inReplyToId, Collectors.counting()));
                    Map<String, Long> published = publishedPerPost(db);
                    assertThat(onX).as("replies on X per post, as CareLoop published them (each post id -> replies)").isEqualTo(published);
                    Set<String> replyIds = sim.published().stream().map(XWorld.Post::id).collect(Collectors.toSet());
                    assertThat(publishedIds(db)).as("every published draft's reply is on X").allMatch(replyIds::contains)
                            .doesNotHaveDuplicates();
                    long replies = published.values().stream().mapToLong(Long::longValue).sum();
                    System.out.printf(Locale.ROOT, "%,d replies published once each on X (%,d holding replies); %d posts claimed again after the kill%n",
                            replies, holding, again);
                }

                // The account was polled by one node at a time, though the polls moved between the nodes.
                List<ApiRelays.Request> reads = reads(relays);
                List<String> overlaps = overlaps(reads);
                Map<String, Long> pollsByNode = reads.stream().filter(r -> !isContinuation(r))
                        .collect(Collectors.groupingBy(ApiRelays.Request::node, java.util.TreeMap::new, Collectors.counting()));
                System.out.printf(Locale.ROOT, "Account brand: %d reads (%d polls by node: %s)%n", reads.size(),
                        pollsByNode.values().stream().mapToLong(Long::longValue).sum(), pollsByNode);
                assertThat(overlaps).as("polls of one account overlapping").isEmpty();
                assertThat(pollsByNode.keySet()).as("the polls moved between the nodes").hasSizeGreaterThan(1);
                assertThat(reads.stream().filter(MultiNodeIT::isContinuation)).as("pages read after a poll's first").isNotEmpty();
            } catch (Throwable t) {
                try (Connection db = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
                    System.out.println("Scheduler at the failure: " + rows(db, "select t.trigger_name, t.trigger_state, t.next_fire_time, "
                            + "f.instance_name, f.state from qrtz_triggers t left join qrtz_fired_triggers f on f.trigger_name = t.trigger_name")
                            + "; nodes: " + rows(db, "select instance_name, last_checkin_time from qrtz_scheduler_state")
                            + "; cursor: " + rows(db, "select cursor_value from cursors"));
                    System.out.println("Overlapping polls: " + overlaps(reads(relays)));
                }
                throw t;
            } finally {
                if (progress != null) {
                    progress.interrupt();
                }
                for (CareLoopProcess n : nodes.values()) {
                    n.stop();
                }
            }
        }
    }

    /** Every 10 s: posts recorded, triaged and held by claims, replies out, and when each node last read the account. */
    private static Thread progress(String jdbc, ApiRelays relays, Instant from) {
        Thread t = new Thread(() -> {
            try (Connection db = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(10_000);
                    Map<String, String> lastRead = new java.util.TreeMap<>();
                    for (ApiRelays.Request r : relays.requests()) {
                        if (isRead(r)) {
                            lastRead.put(r.node(), String.format(Locale.ROOT, "%.0f s", seconds(from, r.at())));
                        }
                    }
                    System.out.printf(Locale.ROOT, "%5.0f s: %s recorded, %s triaged, %s held; drafts %s; last read %s%n", seconds(from, Instant.now()),
                            rows(db, "select count(*) from mentions where seen_at > now() - interval '1 hour'"),
                            rows(db, "select count(*) from mentions where triaged_at > now() - interval '1 hour'"),
                            rows(db, "select count(*) from mentions where triaged_at is null and claimed_until > now()"),
                            rows(db, "select status, count(*) from drafts group by status order by status"), lastRead);
                }
            } catch (InterruptedException e) {
                // the test is over
            } catch (Exception e) {
                System.out.println("Progress stopped: " + e);
            }
        }, "multi-node-progress");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String rows(Connection db, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    row.add(rs.getString(c));
                }
                out.add(String.join(" ", row));
            }
        }
        return out.size() == 1 ? out.get(0) : out.toString();
    }

    private Map<String, String> environment(String jdbc, ApiRelays relays, String node) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("CARELOOP_SIMULATOR_ENABLED", "false");
        env.put("CARELOOP_X_ACCOUNTS", "brand");
        // Each node's calls through a relay of its own, so the test sees who polled.
        env.put("CARELOOP_X_BRAND_API_URL", relays.relay(node, "brand"));
        env.put("CARELOOP_X_BRAND_CONSUMER_KEY", "sim-consumer-key");
        env.put("CARELOOP_X_BRAND_CONSUMER_SECRET", "sim-consumer-secret");
        env.put("CARELOOP_X_BRAND_ACCESS_TOKEN", "sim-acmeair-token");
        env.put("CARELOOP_X_BRAND_ACCESS_TOKEN_SECRET", "sim-acmeair-secret");
        env.put("CARELOOP_X_POLL_CRON", "0/1 * * * * ?");
        env.put("CARELOOP_OUTBOX_INTERVAL", "200ms");
        // A reply the killed node was sending waits for this lease before another node looks for it and sends it (5 min by default).
        env.put("CARELOOP_X_READ_TIMEOUT", "5s");
        env.put("CARELOOP_OUTBOX_SENDING_LEASE", "35s");
        env.put("CARELOOP_SLA_SWEEP_INTERVAL", "1s");
        env.put("CARELOOP_SLA_HOLDING_AFTER", "20s");
        env.put("CARELOOP_TRIAGE_CLAIM_INTERVAL", "200ms");
        env.put("CARELOOP_UNATTENDED", "true");
        env.put("CARELOOP_UNATTENDED_PER_ACCOUNT_PER_HOUR", "1000000");
        env.put("CARELOOP_ADMIN_PASSWORD", "multi-node-password");
        env.put("CARELOOP_API_TOKEN", API_TOKEN);
        env.put("CARELOOP_HTTP_HOST", "127.0.0.1");
        env.put("CARELOOP_HTTP_PORT", String.valueOf(SimulatedPlatforms.freePort()));
        env.put("CARELOOP_DB_URL", jdbc);
        env.put("CARELOOP_DB_USER", "postgres");
        env.put("CARELOOP_DB_PASSWORD", "postgres");
        env.put("CARELOOP_RULES_DIR", Path.of("rules").toAbsolutePath().toString());
        return env;
    }

    private static void limit(Simulator sim, String endpoint, int requests) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/sim/faults"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"endpoint\": \"" + endpoint + "\", \"rateLimit\": " + requests + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    /** The spike's post ids in a table of their own, for the queries to join. */
    private static void createSpikeTable(Connection db, Set<String> ids) throws Exception {
        db.createStatement().execute("create table spike (id varchar(64) primary key)");
        try (PreparedStatement ps = db.prepareStatement("insert into spike (id) values (?)")) {
            for (String id : ids) {
                ps.setString(1, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static int count(Connection db, String from) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery("select count(*) from " + from)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Instant lastTriaged(Connection db, String where) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery("select max(m.triaged_at) from mentions m join spike s on s.id = m.id" + where)) {
            rs.next();
            return rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
        }
    }

    /** Posts triaged per node (claimed_by is the node's host and process id). */
    private static Map<String, Integer> shares(Connection db, Map<String, String> byPid) throws Exception {
        Map<String, Integer> out = new java.util.TreeMap<>();
        try (ResultSet rs = db.createStatement().executeQuery(
                "select m.claimed_by, count(*) from mentions m join spike s on s.id = m.id group by m.claimed_by")) {
            while (rs.next()) {
                String by = rs.getString(1);
                String node = byPid.entrySet().stream().filter(e -> by != null && by.endsWith(e.getKey())).map(Map.Entry::getValue)
                        .findFirst().orElse(String.valueOf(by));
                out.merge(node, rs.getInt(2), Integer::sum);
            }
        }
        return out;
    }

    private static String shareText(Map<String, Integer> shares) {
        int all = shares.values().stream().mapToInt(Integer::intValue).sum();
        return shares.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %,d (%.1f %%)", e.getKey(), e.getValue(), 100.0 * e.getValue() / all))
                .collect(Collectors.joining(", "));
    }

    private static Map<String, Long> publishedPerPost(Connection db) throws Exception {
        Map<String, Long> out = new HashMap<>();
        try (ResultSet rs = db.createStatement().executeQuery("select d.mention_id, count(*) from drafts d join spike s on s.id = d.mention_id "
                + "where d.status = 'PUBLISHED' group by d.mention_id")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    private static List<String> publishedIds(Connection db) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = db.createStatement().executeQuery("select d.published_id from drafts d join spike s on s.id = d.mention_id "
                + "where d.status = 'PUBLISHED'")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static List<ApiRelays.Request> reads(ApiRelays relays) {
        return relays.requests().stream().filter(MultiNodeIT::isRead).sorted(Comparator.comparing(ApiRelays.Request::at)).toList();
    }

    /** A page after a poll's first read by another node than the one whose poll began last: two polls at once. */
    private static List<String> overlaps(List<ApiRelays.Request> reads) {
        List<String> overlaps = new ArrayList<>();
        String polling = null;
        for (ApiRelays.Request r : reads) {
            if (!isContinuation(r)) {
                polling = r.node();
            } else if (!r.node().equals(polling)) {
                overlaps.add(r.at() + ": node " + r.node() + " read a next page during node " + polling + "'s poll");
            }
        }
        return overlaps;
    }

    /** A read of the account's mentions (the timeline, or search beyond its reach). */
    private static boolean isRead(ApiRelays.Request r) {
        return r.method().equals("GET") && (r.target().contains("/mentions") || r.target().contains("/tweets/search/recent"));
    }

    /** A next page of a poll's read, after its first. */
    private static boolean isContinuation(ApiRelays.Request r) {
        return r.target().contains("pagination_token=") || r.target().contains("next_token=");
    }

    private static String lastPoller(ApiRelays relays) {
        return relays.requests().stream().filter(MultiNodeIT::isRead).max(Comparator.comparing(ApiRelays.Request::at)).orElseThrow().node();
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
