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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.careloop.simulator.Simulator;
import org.careloop.simulator.SimulatorConfig;
import org.careloop.simulator.XWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The triage benchmark, not a test: {@code mvn -Ptriage-benchmark test} runs it alone, and {@code mvn
 * test} never does (its name is neither *Test nor *IT). In one run, on one embedded PostgreSQL, it
 * triages the same spike of X mentions (SpikePosts: tickets, thanks, questions, people stranded, spam)
 * with one CareLoop process, then with three sharing the triage, and prints the posts triaged per
 * second from the spike's posting to its last post triaged, and each node's share. Each run starts on
 * a database of its own, after a warm-up of every node on posts of its own (their JIT compiles, and the
 * models and caches load, before the spike, as on nodes that have been running). Unattended mode is off: the
 * drafts wait in the queue, so it measures the triage, not the publishing. The throughput is printed,
 * not judged (it is the machine's as much as CareLoop's); the only check is the one the claims must
 * keep on any machine: with three nodes, each triages at least a fifth of the posts.
 * {@code -Dcareloop.benchmark.posts} (3,000) and {@code -Dcareloop.benchmark.warm-up} (5,000 per node: a method called once a post reaches the JIT's last tier after about 5,000) change the sizes.
 */
class TriageBenchmark {

    static final int POSTS = Integer.getInteger("careloop.benchmark.posts", 3_000);
    static final int WARM_UP = Integer.getInteger("careloop.benchmark.warm-up", 5_000);
    /** Each node's triage threads ({@code careloop.triage.threads}; {@code -Dcareloop.benchmark.threads}, the machine's cores by default, as CareLoop's). */
    static final int THREADS = Integer.getInteger("careloop.benchmark.threads", Runtime.getRuntime().availableProcessors());
    /** {@code -Dcareloop.benchmark.statements=true}: print the statements the database spent its time on in each spike (pg_stat_statements). */
    static final boolean STATEMENTS = Boolean.getBoolean("careloop.benchmark.statements");
    /** Each node's JVM options: {@code -Xmx1g} and any of {@code -Dcareloop.benchmark.jvm} (space-separated), to look inside a run. */
    static final List<String> JVM = java.util.stream.Stream.concat(java.util.stream.Stream.of("-Xmx1g"),
            java.util.Arrays.stream(System.getProperty("careloop.benchmark.jvm", "").split(" ")).filter(o -> !o.isBlank())).toList();

    @TempDir
    Path dir;

    /** One run's figures. */
    record Run(int nodes, int threads, int posts, double seconds, Map<String, Integer> shares, Cpu cpu) {
        double perSecond() {
            return posts / seconds;
        }
    }

    @Test
    void oneNodeThenThreeTriageTheSameSpike() throws Exception {
        System.out.printf(Locale.ROOT, "Triage benchmark, %s, %d cores: %,d posts per run, after %d per node to warm up%n",
                LocalDate.now(ZoneOffset.UTC), Runtime.getRuntime().availableProcessors(), POSTS, WARM_UP);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (STATEMENTS) {
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        try (EmbeddedPostgres postgres = builder.start()) {
            Run one = run(postgres, 1, THREADS);
            print(one);
            Run three = run(postgres, 3, THREADS);
            print(three);
            boolean fair = three.shares().values().stream().allMatch(n -> n * 5 >= three.posts());
            System.out.printf(Locale.ROOT, "Three nodes: %.2f times one node's throughput (%s); fair share, each node at least 20 %%: %s%n",
                    three.perSecond() / one.perSecond(), three.perSecond() >= one.perSecond() ? "not below it" : "BELOW IT", fair ? "yes" : "NO");
            assertThat(three.shares()).as("posts triaged per node").hasSize(3)
                    .allSatisfy((node, n) -> assertThat(n * 5).as("node %s's share", node).isGreaterThanOrEqualTo(three.posts()));
        }
    }

    private Run run(EmbeddedPostgres postgres, int nodes, int threads) throws Exception {
        String name = "bench" + nodes + "x" + threads;
        try (Connection admin = postgres.getPostgresDatabase().getConnection()) {
            admin.createStatement().execute("create database " + name);
        }
        String jdbc = postgres.getJdbcUrl("postgres", name);
        Path logs = Files.createDirectories(Path.of("target", "triage-benchmark"));
        try (Simulator sim = Simulator.start(new SimulatorConfig("127.0.0.1", 0, "none", null, 1))) {
            for (String endpoint : List.of("GET /2/users/:id/mentions", "GET /2/tweets/search/recent")) {
                limit(sim, endpoint, 1_000_000);
            }
            XWorld world = sim.world();
            int warmUp = WARM_UP * nodes;
            List<XWorld.User> customers = SpikePosts.customers(world, 0, warmUp + POSTS);
            List<CareLoopProcess> started = new ArrayList<>();
            Map<String, String> byPid = new HashMap<>();
            try {
                for (int i = 0; i < nodes; i++) {
                    String node = String.valueOf((char) ('a' + i));
                    // The JVM as a user runs it (the JIT's full tiers, the default collector), with the heap the analysis needs.
                    CareLoopProcess p = CareLoopProcess.start(environment(sim, jdbc, threads), Files.createDirectories(dir.resolve(name + node)),
                            logs.resolve(name + "-node-" + node + ".log"), JVM);
                    started.add(p);
                    byPid.put("-" + p.process().pid(), node);
                }
                for (CareLoopProcess p : started) {
                    p.awaitReady();
                    p.awaitLog("posts are triaged by every node", Duration.ofSeconds(90));
                }
                try (Connection db = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
                    // Every node's analysis, rules and JIT warm on posts of their own before the spike is timed.
                    // In batches of 500: a first poll, with no cursor yet, reads the newest 800 mentions only.
                    for (int from = 0; from < warmUp; from += 500) {
                        int to = Math.min(warmUp, from + 500);
                        SpikePosts.post(world, customers.subList(from, to), from);
                        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                                .until(() -> count(db, "select count(*) from mentions where triaged_at is not null") >= to);
                    }

                    List<Long> pids = started.stream().map(p -> p.process().pid()).toList();
                    if (STATEMENTS) {
                        db.createStatement().execute("create extension if not exists pg_stat_statements");
                        db.createStatement().execute("select pg_stat_statements_reset()");
                    }
                    Cpu.Snapshot before = Cpu.Snapshot.now(pids);
                    Instant posted = Instant.now();
                    List<XWorld.Post> spike = SpikePosts.post(world, customers.subList(warmUp, warmUp + POSTS), warmUp);
                    spikeTable(db, spike);
                    await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                            count(db, "select count(*) from mentions m join spike s on s.id = m.id where m.triaged_at is not null") == POSTS);
                    Instant last;
                    try (ResultSet rs = db.createStatement().executeQuery("select max(m.triaged_at) from mentions m join spike s on s.id = m.id")) {
                        rs.next();
                        last = rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
                    }
                    Cpu cpu = Cpu.between(before, Cpu.Snapshot.now(pids));
                    if (STATEMENTS) {
                        statements(db, name);
                    }
                    return new Run(nodes, threads, POSTS, Duration.between(posted, last).toMillis() / 1000.0, shares(db, byPid, nodes), cpu);
                }
            } finally {
                for (CareLoopProcess p : started) {
                    p.stop();
                }
            }
        }
    }

    /** The statements of this run's database that took the most time during the spike, with their calls. */
    private static void statements(Connection db, String database) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery("select s.calls, s.total_exec_time, s.query from pg_stat_statements s "
                + "join pg_database d on d.oid = s.dbid where d.datname = '" + database + "' order by s.total_exec_time desc limit 12")) {
            System.out.printf(Locale.ROOT, "    %s, the database's statements by time during the spike:%n", database);
            while (rs.next()) {
                System.out.printf(Locale.ROOT, "      %8d calls %8.0f ms  %s%n", rs.getLong(1), rs.getDouble(2),
                        rs.getString(3).replaceAll("\\s+", " ").substring(0, Math.min(160, rs.getString(3).replaceAll("\\s+", " ").length())));
            }
        }
    }

    private static void print(Run run) {
        int all = run.shares().values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf(Locale.ROOT, "%d node%s, %d triage threads each: %,d posts triaged in %.1f s, %.1f posts/s; shares: %s%n", run.nodes(),
                run.nodes() == 1 ? "" : "s", run.threads(), run.posts(), run.seconds(), run.perSecond(), run.shares().entrySet().stream()
                        .map(e -> String.format(Locale.ROOT, "%s %,d (%.1f %%)", e.getKey(), e.getValue(), 100.0 * e.getValue() / all))
                        .collect(Collectors.joining(", ")));
        if (run.cpu() != null) {
            System.out.printf(Locale.ROOT, "    CPU while it ran: CareLoop %.1f s (%.1f ms a post), PostgreSQL %.1f s (%.1f ms a post), "
                    + "the simulator %.1f s, the machine idle %.0f %%%n", run.cpu().nodes(), 1000 * run.cpu().nodes() / run.posts(), run.cpu().database(),
                    1000 * run.cpu().database() / run.posts(), run.cpu().simulator(), 100 * run.cpu().idle());
            System.out.printf(Locale.ROOT, "    CareLoop's CPU by thread: %s%n", run.cpu().threads().entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(12)
                    .map(e -> String.format(Locale.ROOT, "%s %.1f s", e.getKey(), e.getValue())).collect(Collectors.joining(", ")));
        }
    }

    /**
     * Where the CPU went while a run triaged its spike (Linux only, from /proc; null elsewhere): the
     * seconds the CareLoop processes and the PostgreSQL processes used, and the share of the machine's
     * time left idle. It shows what a node more costs: the same posts, more CPU a post.
     */
    record Cpu(double nodes, double database, double simulator, double idle, Map<String, Double> threads) {

        static Cpu between(Snapshot a, Snapshot b) {
            if (a == null || b == null) {
                return null;
            }
            long busy = b.busyTicks() - a.busyTicks();
            long idle = b.idleTicks() - a.idleTicks();
            Map<String, Double> threads = new TreeMap<>();
            b.threads().forEach((name, ticks) -> threads.put(name, (ticks - a.threads().getOrDefault(name, 0L)) / TICKS));
            return new Cpu((b.nodes() - a.nodes()) / TICKS, (b.database() - a.database()) / TICKS, (b.simulator() - a.simulator()) / TICKS,
                    (double) idle / Math.max(1, busy + idle), threads);
        }

        /** Clock ticks a second, as the kernel counts them in /proc (USER_HZ, 100 on Linux). */
        private static final double TICKS = 100;

        record Snapshot(long nodes, long database, long simulator, long busyTicks, long idleTicks, Map<String, Long> threads) {

            /** The CPU ticks used so far by the given processes, by every process named postgres and by this one (the simulator); null off Linux. */
            static Snapshot now(List<Long> pids) {
                Path proc = Path.of("/proc");
                if (!Files.isDirectory(proc)) {
                    return null;
                }
                try {
                    long nodes = 0;
                    long database = 0;
                    long simulator = 0;
                    long self = ProcessHandle.current().pid();
                    Map<String, Long> byThread = new HashMap<>();
                    try (var all = Files.list(proc)) {
                        for (Path p : all.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                            String stat;
                            try {
                                stat = Files.readString(p.resolve("stat"));
                            } catch (java.io.IOException gone) {
                                continue;
                            }
                            long pid = Long.parseLong(p.getFileName().toString());
                            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            // utime and stime: fields 14 and 15 of stat, 12 and 13 after the name.
                            long used = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                            if (pids.contains(pid)) {
                                nodes += used;
                                threads(p, byThread);
                            } else if (pid == self) {
                                simulator += used;
                            } else if (name.equals("postgres")) {
                                database += used;
                            }
                        }
                    }
                    String[] cpu = Files.readAllLines(proc.resolve("stat")).get(0).trim().split("\\s+");
                    long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
                    long busy = 0;
                    for (int i = 1; i <= 8 && i < cpu.length; i++) {
                        busy += Long.parseLong(cpu[i]);
                    }
                    return new Snapshot(nodes, database, simulator, busy - idle, idle, byThread);
                } catch (java.io.IOException | RuntimeException e) {
                    return null;
                }
            }

            /** A process's threads' ticks, summed by name without its numbers ("C2 CompilerThre", "GC Thread#"). */
            private static void threads(Path process, Map<String, Long> byThread) throws java.io.IOException {
                try (var tasks = Files.list(process.resolve("task"))) {
                    for (Path t : tasks.toList()) {
                        String stat;
                        try {
                            stat = Files.readString(t.resolve("stat"));
                        } catch (java.io.IOException gone) {
                            continue;
                        }
                        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[\\d-]+$|\\d+", "");
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        byThread.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                    }
                }
            }
        }
    }

    private static Map<String, String> environment(Simulator sim, String jdbc, int threads) {
        Map<String, String> env = new HashMap<>();
        env.put("CARELOOP_TRIAGE_THREADS", String.valueOf(threads));
        env.put("CARELOOP_SIMULATOR_ENABLED", "false");
        env.put("CARELOOP_X_API_URL", sim.baseUrl() + "/");
        env.put("CARELOOP_X_BRAND_CONSUMER_KEY", "sim-consumer-key");
        env.put("CARELOOP_X_BRAND_CONSUMER_SECRET", "sim-consumer-secret");
        env.put("CARELOOP_X_BRAND_ACCESS_TOKEN", "sim-acmeair-token");
        env.put("CARELOOP_X_BRAND_ACCESS_TOKEN_SECRET", "sim-acmeair-secret");
        // Read every second, so the poll's schedule adds little to the time measured.
        env.put("CARELOOP_X_POLL_CRON", "0/1 * * * * ?");
        env.put("CARELOOP_ADMIN_PASSWORD", "benchmark-password");
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

    private static void spikeTable(Connection db, List<XWorld.Post> spike) throws Exception {
        db.createStatement().execute("create table spike (id varchar(64) primary key)");
        try (PreparedStatement ps = db.prepareStatement("insert into spike (id) values (?)")) {
            for (XWorld.Post p : spike) {
                ps.setString(1, p.id());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static int count(Connection db, String sql) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The spike's posts per node (claimed_by is the node's host and process id; one node alone claims none). */
    private static Map<String, Integer> shares(Connection db, Map<String, String> byPid, int nodes) throws Exception {
        Map<String, Integer> out = new TreeMap<>();
        try (ResultSet rs = db.createStatement().executeQuery("select m.claimed_by, count(*) from mentions m join spike s on s.id = m.id group by m.claimed_by")) {
            while (rs.next()) {
                String by = rs.getString(1);
                String node = by == null ? "a" : byPid.entrySet().stream().filter(e -> by.endsWith(e.getKey())).map(Map.Entry::getValue)
                        .findFirst().orElse(by);
                out.merge(node, rs.getInt(2), Integer::sum);
            }
        }
        return out;
    }
}
