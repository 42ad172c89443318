package org.careloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.careloop.simulator.Simulator;
import org.careloop.simulator.SimulatorConfig;
import org.careloop.simulator.XWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two CareLoop processes on one PostgreSQL, with the same settings, as an operator runs several
 * nodes: Quartz's clustered job store fires each scheduled route on one node at a time (each
 * account's poll, counted at the platform; the outbox, the SLA sweep, the webhook relay, the surge
 * check and the incident finisher, counted in each node's route meters), and when one node is
 * killed in the middle of a poll, the other takes over its jobs within the check-in interval plus
 * Quartz's grace, and answers a new post.
 */
class ClusterIT {

    private static final List<String> ACCOUNTS = List.of("brand", "second", "third");
    private static final Duration POLL = Duration.ofSeconds(3);
    private static final Duration CHECKIN = Duration.ofSeconds(2);
    /** Quartz takes a node for dead when it is late by its check-in interval plus this. */
    private static final Duration QUARTZ_GRACE = Duration.ofMillis(7_500);
    private static final Duration WINDOW = Duration.ofSeconds(24);
    /** The Quartz routes and their intervals in this test. */
    private static final Map<String, Duration> ROUTES = Map.of("publish-outbox", Duration.ofSeconds(1), "sweep-sla", Duration.ofSeconds(1),
            "relay-webhooks", Duration.ofSeconds(2), "watch-surges", Duration.ofSeconds(2), "finish-incidents", Duration.ofSeconds(2));
    private static final String API_TOKEN = "cluster-test-token-7Hq2";

    @TempDir
    Path dir;

    @Test
    void twoNodesShareTheScheduleAndOneTakesOverWhenTheOtherDies() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             Simulator sim = Simulator.start(new SimulatorConfig("127.0.0.1", 0, "none", null, 1));
             ApiRelays relays = new ApiRelays(sim.port())) {
            Path logs = Files.createDirectories(Path.of("target", "cluster"));
            Map<String, CareLoopProcess> nodes = new LinkedHashMap<>();
            try {
                for (String node : List.of("a", "b")) {
                    nodes.put(node, CareLoopProcess.start(environment(postgres, relays, node), Files.createDirectories(dir.resolve(node)),
                            logs.resolve("node-" + node + ".log")));
                }
                for (CareLoopProcess n : nodes.values()) {
                    n.awaitReady();
                    n.awaitLog("Scheduling clustered on PostgreSQL as node", Duration.ofSeconds(60));
                }

                // Posts the nodes share: each answered once, whichever node reads, triages and publishes it.
                XWorld world = sim.world();
                List<XWorld.Post> posts = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    posts.add(thanks(world, i));
                }
                awaitAnswered(sim, posts, Duration.ofSeconds(120));

                // A window with both nodes up: every scheduled route fires on one node at a time.
                Instant from = Instant.now();
                Map<String, Double> before = firings(nodes.values());
                Thread.sleep(WINDOW.toMillis());
                Map<String, Double> after = firings(nodes.values());
                Instant to = Instant.now();
                double seconds = Duration.between(from, to).toMillis() / 1000.0;
                for (var route : ROUTES.entrySet()) {
                    double ticks = seconds / (route.getValue().toMillis() / 1000.0);
                    double fired = after.getOrDefault(route.getKey(), 0.0) - before.getOrDefault(route.getKey(), 0.0);
                    System.out.printf("Route %s fired %.0f times in %.1f s on both nodes (%.1f ticks)%n", route.getKey(), fired, seconds, ticks);
                    assertThat(fired).as("%s fired on one node per tick, not on each", route.getKey()).isLessThanOrEqualTo(ticks + 2)
                            .isGreaterThanOrEqualTo(ticks / 3);
                }
                List<ApiRelays.Request> polls = polls(relays, from, to);
                for (String account : ACCOUNTS) {
                    List<ApiRelays.Request> mine = polls.stream().filter(r -> r.account().equals(account)).toList();
                    System.out.printf("Account %s polled %d times in %.1f s: %s%n", account, mine.size(), seconds,
                            mine.stream().collect(Collectors.groupingBy(ApiRelays.Request::node, Collectors.counting())));
                    assertThat(mine).as("%s polled", account).isNotEmpty();
                    assertThat(mine.size()).as("%s polled once per tick, by one node", account)
                            .isLessThanOrEqualTo((int) (seconds / POLL.toSeconds()) + 1);
                    for (int i = 1; i < mine.size(); i++) {
                        assertThat(Duration.between(mine.get(i - 1).at(), mine.get(i).at()))
                                .as("%s polled by %s and %s in one tick", account, mine.get(i - 1).node(), mine.get(i).node())
                                .isGreaterThanOrEqualTo(POLL.dividedBy(2));
                    }
                }

                // One node is killed while it polls: the other takes over its jobs, that poll's included.
                var held = relays.holdNext(r -> r.account().equals("brand") && r.target().contains("/mentions")).get(30, TimeUnit.SECONDS);
                String dead = held.node();
                String survivor = dead.equals("a") ? "b" : "a";
                nodes.remove(dead).kill();
                Instant killed = Instant.now();
                Duration bound = CHECKIN.multipliedBy(2).plus(QUARTZ_GRACE).plus(POLL).plusSeconds(10);
                for (String account : ACCOUNTS) {
                    Instant polled = awaitPoll(relays, survivor, account, killed, bound);
                    System.out.printf("Node %s killed mid-poll; %s polls %s again %.1f s later%n", dead, survivor, account,
                            Duration.between(killed, polled).toMillis() / 1000.0);
                }
                XWorld.Post late = thanks(world, 4);
                awaitAnswered(sim, List.of(late), Duration.ofSeconds(90));
                posts.add(late);
                Map<String, Long> replies = answers(sim, posts);
                assertThat(replies).as("every post answered once (post id -> replies)").hasSize(posts.size())
                        .allSatisfy((id, n) -> assertThat(n).isEqualTo(1L));
                // The platform shows a reply before the node that sent it records it published.
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                        assertThat(nodes.get(survivor).approvedDrafts(API_TOKEN)).as("nothing left approved").isZero());
            } finally {
                for (CareLoopProcess n : nodes.values()) {
                    n.stop();
                }
            }
        }
    }

    private Map<String, String> environment(EmbeddedPostgres postgres, ApiRelays relays, String node) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("CARELOOP_SIMULATOR_ENABLED", "false");
        env.put("CARELOOP_X_ACCOUNTS", String.join(",", ACCOUNTS));
        for (String account : ACCOUNTS) {
            String prefix = "CARELOOP_X_" + account.toUpperCase() + "_";
            // The same accounts on each node; each node's calls go through relays of its own, so the test sees who polled.
            env.put(prefix + "API_URL", relays.relay(node, account));
            env.put(prefix + "CONSUMER_KEY", "sim-consumer-key");
            env.put(prefix + "CONSUMER_SECRET", "sim-consumer-secret");
            env.put(prefix + "ACCESS_TOKEN", "sim-acmeair-token");
            env.put(prefix + "ACCESS_TOKEN_SECRET", "sim-acmeair-secret");
        }
        for (int i = 0; i < ACCOUNTS.size(); i++) {
            // A second apart: the accounts read the same brand's mentions here, and two feeds admitting one post at
            // the same moment would both triage it (a race of the triage ledger, not of the schedule).
            env.put("CARELOOP_X_" + ACCOUNTS.get(i).toUpperCase() + "_POLL_CRON", i + "/" + POLL.toSeconds() + " * * * * ?");
        }
        env.put("CARELOOP_OUTBOX_INTERVAL", "1s");
        env.put("CARELOOP_SLA_SWEEP_INTERVAL", "1s");
        env.put("CARELOOP_WEBHOOKS_RELAY_INTERVAL", "2s");
        env.put("CARELOOP_SURGE_CHECK_INTERVAL", "2s");
        env.put("CARELOOP_INCIDENTS_FINISH_INTERVAL", "2s");
        env.put("CARELOOP_CLUSTER_CHECKIN_INTERVAL", CHECKIN.toSeconds() + "s");
        env.put("CARELOOP_UNATTENDED", "true");
        env.put("CARELOOP_ADMIN_PASSWORD", "cluster-test-password");
        env.put("CARELOOP_API_TOKEN", API_TOKEN);
        env.put("CARELOOP_HTTP_HOST", "127.0.0.1");
        env.put("CARELOOP_HTTP_PORT", String.valueOf(SimulatedPlatforms.freePort()));
        env.put("CARELOOP_DB_URL", postgres.getJdbcUrl("postgres", "postgres"));
        env.put("CARELOOP_DB_USER", "postgres");
        env.put("CARELOOP_DB_PASSWORD", "postgres");
        env.put("CARELOOP_RULES_DIR", Path.of("rules").toAbsolutePath().toString());
        return env;
    }

    private static final String[] CITIES = {"Denver", "Boston", "Austin", "Chicago", "Seattle", "Miami"};

    /** A kind post about a flight to a city of its own (X refuses the same reply text twice in a row). */
    private static XWorld.Post thanks(XWorld world, int i) {
        XWorld.User customer = world.userOrCreate("flyer" + i, "Flyer " + i);
        return world.publish(customer.id(), "@acmeair thank you! The crew on flight " + (200 + i) + " to " + CITIES[i % CITIES.length]
                + " were wonderful today", null, null, null, "en");
    }

    private static void awaitAnswered(Simulator sim, List<XWorld.Post> posts, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(answers(sim, posts)).as("posts answered within %s", within).hasSize(posts.size()));
    }

    /** Replies on X per customer post answered. */
    private static Map<String, Long> answers(Simulator sim, List<XWorld.Post> posts) {
        List<String> ids = posts.stream().map(XWorld.Post::id).toList();
        return sim.published().stream().filter(r -> ids.contains(r.inReplyToId()))
                .collect(Collectors.groupingBy(XWorld.Post::inReplyToId, Collectors.counting()));
    }

    /** Each account's mentions reads between two instants, in order. */
    private static List<ApiRelays.Request> polls(ApiRelays relays, Instant from, Instant to) {
        return relays.requests().stream().filter(r -> r.target().contains("/mentions") && !r.at().isBefore(from) && r.at().isBefore(to))
                .sorted(java.util.Comparator.comparing(ApiRelays.Request::at)).toList();
    }

    private static Instant awaitPoll(ApiRelays relays, String node, String account, Instant after, Duration within) {
        // Counted from the death, not from now: the accounts before this one took their share of the bound.
        Duration left = Duration.between(Instant.now(), after.plus(within));
        if (left.toMillis() < 1) {
            left = Duration.ofMillis(1); // past already: looked at once
        }
        try {
            return await().atMost(left).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                    .until(() -> polls(relays, after, Instant.now().plusSeconds(1)).stream()
                            .filter(r -> r.node().equals(node) && r.account().equals(account)).findFirst(), Optional::isPresent)
                    .orElseThrow().at();
        } catch (ConditionTimeoutException notInTime) {
            throw new AssertionError("Node " + node + " did not poll " + account + " within " + within + " of the other node's death");
        }
    }

    private static final Pattern EXCHANGES = Pattern.compile("^camel_exchanges_total\\{[^}]*routeId=\"([^\"]+)\"[^}]*} ([0-9.eE+-]+)$");

    /** The Quartz routes' exchanges so far, summed over the nodes, from each node's /metrics. */
    private static Map<String, Double> firings(Iterable<CareLoopProcess> nodes) throws Exception {
        Map<String, Double> sum = new HashMap<>();
        for (CareLoopProcess n : nodes) {
            String scrape = new Http().get(n.url("/metrics")).body();
            for (String line : scrape.split("\n")) {
                Matcher m = EXCHANGES.matcher(line);
                if (m.matches() && ROUTES.containsKey(m.group(1))) {
                    sum.merge(m.group(1), Double.parseDouble(m.group(2)), Double::sum);
                }
            }
        }
        return sum;
    }
}
