package org.careloop;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.careloop.care.Draft;
import org.careloop.care.DraftStatus;
import org.careloop.care.DryRunCommand;
import org.careloop.config.Settings;
import org.careloop.platform.Author;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.careloop.store.Database;

/**
 * {@code careloop queue-benchmark}: fills an embedded database with thousands of pending drafts (real
 * posts' analyses and the rules' real replies, most of them already past the first-response target, as
 * after a long stop), starts CareLoop on it, and asks the API for the console's first page of the queue:
 * how long the call takes and how many bytes it is, beside the API's default page of 500. Figures only:
 * nothing here is asserted, so a slow machine reports and never fails.
 */
public final class QueueBenchmark {

    /** Customers' posts of the kinds a bad day brings; each is analysed and drafted once, then posted by many customers. */
    static final List<String> POSTS = List.of(
            "@acmeair my bag did not arrive in Boston, who can help?",
            "@acmeair flight AA118 cancelled and nobody at the gate can tell us anything. Three hours here with two kids!",
            "@acmeair I was charged twice for my seat upgrade, I want a refund",
            "@acmeair can I bring my cat in the cabin?",
            "@acmeair 3 hours on the tarmac with no water, worst airline ever",
            "@acmeair your app keeps crashing when I try to check in",
            "@acmeair the wifi on my flight never worked, can I get my money back?",
            "@acmeair my wheelchair was damaged on the flight to Denver",
            "@acmeair how much is a second checked bag on a domestic flight?",
            "@acmeair I missed my connection because the first flight was late, what now?",
            "@acmeair still waiting for my refund after 6 weeks",
            "@acmeair the crew on AA77 was wonderful, thank you!");

    private QueueBenchmark() {}

    /**
     * @param drafts pending drafts to add
     * @param page   the console's page size
     * @param calls  timed calls of each page after the first (cold) one
     * @param keep   keep the database (with {@code careloop.db.url} unset, one in a new temporary directory) to run CareLoop on
     */
    public static int run(Map<String, String> overrides, int drafts, int page, int calls, boolean keep, PrintStream out) throws Exception {
        Map<String, String> set = new LinkedHashMap<>(overrides);
        Path dir = null;
        if (!set.containsKey("careloop.db.url")) {
            dir = Files.createTempDirectory("careloop-queue-benchmark");
            set.put("careloop.db.url", "jdbc:h2:file:" + dir.resolve("careloop").toAbsolutePath());
        }
        String url = set.get("careloop.db.url");
        out.printf(Locale.ROOT, "Queue benchmark: %,d pending drafts into %s, %d cores available%n", drafts, url,
                Runtime.getRuntime().availableProcessors());
        long t0 = System.nanoTime();
        Settings settings = Settings.load(System.getenv(), set);
        try (Database db = Database.open(settings)) {
            fill(db, settings, drafts, Instant.now());
        }
        out.printf(Locale.ROOT, "Filled in %.1f s%n", seconds(t0));

        // The demo's simulated accounts on ports of their own, posting nothing: only the queue is measured.
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("CARELOOP_API_TOKEN", token);
        set.putIfAbsent("careloop.http.port", String.valueOf(freePort()));
        set.putIfAbsent("careloop.http.host", "127.0.0.1");
        set.putIfAbsent("careloop.simulator.port", "0");
        set.putIfAbsent("careloop.simulator.scenario", "none");
        set.putIfAbsent("careloop.simulator.state-file", "");
        long t1 = System.nanoTime();
        CareLoop app = CareLoop.start(Settings.load(env, set));
        try {
            out.printf(Locale.ROOT, "CareLoop started in %.1f s (with the SLA catch-up of every overdue draft)%n", seconds(t1));
            String api = "http://127.0.0.1:" + set.get("careloop.http.port");
            HttpClient http = HttpClient.newHttpClient();
            measure(http, api + "/api/drafts?status=pending&limit=" + page, token, calls, "the console's first page (" + page + " drafts)", out);
            measure(http, api + "/api/drafts?status=pending", token, calls, "the API's default page (500 drafts, as before paging)", out);
            measure(http, api + "/api/status", token, calls, "the status with its summed alerts", out);
        } finally {
            app.stop();
        }
        if (keep || dir == null) {
            out.println("The database stays: java -jar target/careloop.jar run -s careloop.db.url=" + url);
        } else {
            deleteTree(dir);
        }
        return 0;
    }

    /**
     * Adds {@code drafts} pending drafts, the oldest posted 30 minutes before {@code now}: two thirds are past the
     * 10-minute target. Drafted as {@code dry-run} drafts, which open no ticket: a ticket's reply carries its sample link.
     */
    static void fill(Database db, Settings settings, int drafts, Instant now) {
        DryRunCommand dry = Main.dryRun(Main.ruleBook(null, settings), settings);
        List<DryRunCommand.Outcome> drafted = new ArrayList<>();
        for (String text : POSTS) {
            DryRunCommand.Outcome o = dry.run(new DryRunCommand.Post(text, "en", "x", "brand", "customer", null, null, now));
            if (o.draft() != null) {
                drafted.add(o);
            }
        }
        String run = Long.toString(now.toEpochMilli(), 36);
        Duration spread = Duration.ofMinutes(30);
        for (int i = 0; i < drafts; i++) {
            DryRunCommand.Outcome o = drafted.get(i % drafted.size());
            Draft d = o.draft();
            Instant posted = now.minus(spread).plusMillis(spread.toMillis() * i / drafts);
            String id = "bench-" + run + "-" + i;
            String handle = "traveller" + i;
            Mention m = new Mention(Platform.X, "brand", id, new Author("bench-" + i, handle, "Traveller " + i),
                    d.mention().text(), "en", posted, id, null, null, false, false);
            db.mentions().insertIfNew(m);
            db.drafts().create(new Draft(0, m, o.analysis(), d.ruleId(), d.templateId(), d.text().replace("@customer", "@" + handle),
                    DraftStatus.PENDING, posted, posted.plus(Duration.ofMinutes(10)), null, null, null, null, d.work()));
        }
    }

    /** One cold call, then {@code calls} more: their median and slowest, and the answer's size. */
    static void measure(HttpClient http, String url, String token, int calls, String what, PrintStream out) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build();
        long t = System.nanoTime();
        HttpResponse<byte[]> first = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        double cold = (System.nanoTime() - t) / 1e6;
        if (first.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + first.statusCode() + ": " + new String(first.body()));
        }
        double[] ms = new double[calls];
        for (int i = 0; i < calls; i++) {
            t = System.nanoTime();
            http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        out.printf(Locale.ROOT, "GET %s, %s: first call %.0f ms, median of %d more %.0f ms (slowest %.0f ms), %,d bytes%s%n",
                URI.create(url).getPath() + (URI.create(url).getQuery() == null ? "" : "?" + URI.create(url).getQuery()), what, cold,
                calls, calls == 0 ? cold : ms[calls / 2], calls == 0 ? cold : ms[calls - 1], first.body().length,
                first.headers().firstValue("X-Total-Count").map(n -> String.format(Locale.ROOT, ", X-Total-Count %,d", Long.parseLong(n))).orElse(""));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
