package org.careloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.careloop.config.Json;
import org.careloop.config.Settings;
import org.careloop.platform.Platform;
import org.careloop.rules.Decision;
import org.careloop.simulator.GraphWorld;
import org.careloop.simulator.Simulator;
import org.careloop.simulator.SimulatorConfig;
import org.careloop.simulator.XWorld;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A property of the whole pipeline, over real HTTP as in {@link EndToEndIT}: whatever a post carries in
 * any of its text fields (the text, the author's name and handle, the language, the post's id and the
 * author's), it is drafted, ignored or set aside within a bounded time (or, when its ids are no platform's,
 * skipped with an alert), later posts are still drafted, and no draft carries an invisible or reordering
 * character into the brand's reply. Hostile values: 100,000 characters with and without spaces, control and
 * binary characters, lone surrogates, bidi overrides, zero-width characters, markup and expression syntax
 * ({@code <script>}, {@code {{mustache}}}, {@code ${camel}}, SQL quotes) and emoji runs, drawn and mixed by a
 * seeded generator (set {@code -Dcareloop.hostile.seed=<n>} to replay a run; the seed is printed).
 *
 * <p>On X the customer chooses the text, name and handle (X sets the language, but any value is tried);
 * X's ids are numbers that twitter4j reads as {@code long}, so they come from the simulator. Hostile ids go
 * through the Graph API, whose ids are opaque strings to RestFB: Facebook posts written into the second
 * simulator's state before it starts.
 */
class HostileInputIT {

    private static final String TOKEN = "hostile-api-token-9Rt4";
    private static final long SEED = Long.getLong("careloop.hostile.seed", System.nanoTime());
    /** How long every hostile post may take to be drafted, ignored, set aside or skipped, all of them together. */
    private static final Duration BOUND = Duration.ofSeconds(45);

    @TempDir
    static Path dir;
    static Simulator simulator;
    /** A second simulator for Facebook, its Graph state written beforehand with posts whose ids and authors' ids are hostile. */
    static Simulator graphSimulator;
    static CareLoop app;
    static String api;
    /** The Facebook posts seeded into {@link #graphSimulator}, by id, with what is hostile about them. */
    static final Map<String, String> graphPosts = new LinkedHashMap<>();
    /**
     * Those of them whose post id or author id is no platform's: too long to store, or with characters that have no
     * place in the API's paths. They are skipped with an alert.
     */
    static final List<String> notIds = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        simulator = SimulatedPlatforms.start();
        Path graphState = dir.resolve("graph").resolve("sim.json");
        seedGraph(graphState.resolveSibling("sim-graph.json"), new Random(SEED));
        graphSimulator = Simulator.start(new SimulatorConfig("127.0.0.1", 0, "none", graphState, 1));
        // Polled every second, the comments of some twenty posts pass the Graph usage limit a real Page has per 15 minutes.
        new Http().postJson(graphSimulator.baseUrl() + "/sim/faults", "test", "{\"endpoint\": \"graph\", \"rateLimit\": 1000000}", 200);
        int port = freePort();
        api = "http://127.0.0.1:" + port;
        Path db = dir.resolve("db");
        Files.createDirectories(db);
        // The simulator's demo credentials, given the way an operator gives real ones.
        Map<String, String> env = SimulatedPlatforms.xBrandAnd(Map.of("CARELOOP_FACEBOOK_BRAND_PAGE_TOKEN", "sim-page-acmeair",
                "CARELOOP_API_TOKEN", TOKEN, "CARELOOP_ADMIN_PASSWORD", "hostile-admin-password"));
        app = CareLoop.start(Settings.load(env, Map.ofEntries(
                Map.entry("careloop.http.port", String.valueOf(port)), Map.entry("careloop.http.host", "127.0.0.1"),
                Map.entry("careloop.simulator.enabled", "false"),
                Map.entry("careloop.x.api-url", simulator.baseUrl() + "/"),
                Map.entry("careloop.x.poll-cron", "0/1 * * * * ?"),
                Map.entry("careloop.facebook.pages", "brand"), Map.entry("careloop.instagram.accounts", ""),
                Map.entry("careloop.facebook.api-url", graphSimulator.baseUrl() + "/"),
                Map.entry("careloop.facebook.poll-cron", "0/1 * * * * ?"),
                Map.entry("careloop.db.url", "jdbc:h2:file:" + db.resolve("careloop").toAbsolutePath()),
                Map.entry("careloop.rules.dir", dir.resolve("packaged-rules").toString()))));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.stop();
        }
        if (simulator != null) {
            simulator.stop();
        }
        if (graphSimulator != null) {
            graphSimulator.stop();
        }
    }

    /**
     * Visitor posts on the brand's Facebook Page, written into the simulator's state before it starts: the
     * only way in for ids, which the platform gives. Graph ids are opaque strings to a client (RestFB reads
     * them as text), so these ids and the authors' ids are as hostile as the names and texts; a post id keeps
     * a numeric tail after its last underscore, which the simulator orders posts by.
     */
    static void seedGraph(Path file, Random random) throws Exception {
        List<Supplier<String>> kinds = kinds(random);
        ObjectNode state = Json.mapper().createObjectNode();
        ArrayNode people = state.putArray("people");
        ArrayNode items = state.putArray("items");
        Instant at = Instant.now().minusSeconds(120);
        long seq = 1_000;
        // Each kind of hostile value as a post id, then as an author id, then (ids plain) as the author's name and the text.
        for (int i = 0; i < kinds.size() * 3; i++) {
            Supplier<String> kind = kinds.get(i % kinds.size());
            int group = i / kinds.size();
            String postId = (group == 0 ? kind.get() : "104738291650417") + "_" + (++seq);
            String authorId = group == 1 ? kind.get() + "-" + i : "100" + (++seq);
            String name = group == 2 ? kind.get() : i % 3 == 0 ? mix(random) : "Priya Shah";
            String text = group == 2 ? mix(random) : "My bag didn't arrive in Boston on AA512 and nobody at the desk can tell me anything " + i;
            people.addObject().put("id", authorId).put("name", name).put("username", "visitor" + i);
            items.addObject().put("id", postId).put("kind", "POST").put("authorId", authorId).put("text", text)
                    .put("createdAt", at.plusMillis(i).toString()).put("hidden", false);
            graphPosts.put(postId, group == 0 ? "post id " + sketch(postId) : group == 1 ? "author id " + sketch(authorId)
                    : "name " + sketch(name) + " and text " + sketch(text));
            if (!platformId(postId) || !platformId(authorId)) {
                notIds.add(postId);
            }
        }
        state.put("lastId", seq);
        Files.createDirectories(file.getParent());
        Json.mapper().writeValue(file.toFile(), state);
    }

    /** The text fields of a post on X: what the customer writes, their display name and handle, the language X reports. */
    record Hostile(String text, String name, String handle, String lang) {}

    @Test
    void hostileFieldValuesOfEveryKind() throws Exception {
        System.out.println("HostileInputIT seed: " + SEED + " (replay with -Dcareloop.hostile.seed=" + SEED + ")");
        Random random = new Random(SEED);
        XWorld x = simulator.world();
        // Replies to one of the brand's posts are mentions whatever their text says.
        String brandPost = x.publish(x.brand().id(), "Welcome aboard! Tell us how your trip went.", null, null, null, "en").id();

        List<Hostile> cases = new ArrayList<>();
        // Every kind of hostile value in every field at least once, the other fields ordinary.
        for (Supplier<String> kind : kinds(random)) {
            cases.add(new Hostile(kind.get(), "Jana", "jana", "en"));
            // Praise, so the name reaches the praise feed as well as the reply.
            cases.add(new Hostile("thank you so much, the crew on AA512 was wonderful", kind.get(), "j" + cases.size(), "en"));
            cases.add(new Hostile("my bag never arrived, flight AA512", "Jana", "h" + cases.size() + kind.get(), "en"));
            cases.add(new Hostile("my refund for booking ZX81 never came", "Omar", "o" + cases.size(), kind.get()));
        }
        // Then every field hostile at once, mixed at random.
        for (int i = 0; i < 8; i++) {
            cases.add(new Hostile(mix(random), mix(random), "m" + i + mix(random), mix(random)));
        }

        Map<String, Hostile> posts = new LinkedHashMap<>();
        for (int i = 0; i < cases.size(); i++) {
            Hostile h = cases.get(i);
            // A unique handle per case, so no two cases (nor the brand) share an account.
            XWorld.User author = x.userOrCreate(h.handle() + "#" + i, h.name());
            boolean reply = i % 2 == 1;
            String text = reply ? h.text() : "@acmeair " + h.text();
            posts.put(x.publish(author.id(), text, reply ? brandPost : null, null, null, h.lang()).id(), h);
        }
        Http http = new Http();
        String normal = http.postTweet(simulator.baseUrl(), "sim:omar_travels",
                "@acmeair I was charged twice for booking QX7Y2 and I want my money back", null);
        GraphWorld g = graphSimulator.graph();
        GraphWorld.Person omar = g.personOrCreate("omar_t", "Omar Haddad");
        String normalFacebook = g.post(omar.id(), "I was charged twice for booking QX7Y2 and I want my money back").id();
        // A comment too: the feed of comments reads every watched post's comments, the hostile ones' included.
        String normalComment = g.comment(normalFacebook, omar.id(), "Still no refund for booking QX7Y2, it has been three weeks").id();

        // Bounded: each hostile post ends drafted, ignored or set aside; polled, never slept on.
        await().atMost(BOUND).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(stillOpen(posts).values()).as("hostile posts neither drafted, ignored nor set aside within %d s (seed %d), the first of them",
                        BOUND.toSeconds(), SEED).isEmpty());

        JsonNode draft = http.await(Duration.ofSeconds(20), "a draft for the normal post after the hostile ones",
                () -> http.findDraftFor(api, TOKEN, normal));
        assertThat(draft.get("status").asText()).isEqualTo("pending");
        http.await(Duration.ofSeconds(20), "a draft for the normal Facebook post after the hostile ones", () -> http.findDraftFor(api, TOKEN, normalFacebook));
        http.await(Duration.ofSeconds(20), "a draft for the normal Facebook comment after the hostile posts", () -> http.findDraftFor(api, TOKEN, normalComment));

        // What the brand would publish carries nothing that prints as nothing or turns the brand's words around.
        List<String> unsafe = new ArrayList<>();
        for (String id : posts.keySet()) {
            app.database().drafts().replyTo(Platform.X.id(), id).map(d -> d.text()).filter(t -> t.codePoints().anyMatch(HostileInputIT::invisible))
                    .ifPresent(t -> unsafe.add(sketch(t) + " for " + describe(posts.get(id))));
        }
        for (String id : graphPosts.keySet()) {
            app.database().drafts().replyTo(Platform.FACEBOOK.id(), id).map(d -> d.text()).filter(t -> t.codePoints().anyMatch(HostileInputIT::invisible))
                    .ifPresent(t -> unsafe.add(sketch(t) + " for the Facebook post with hostile " + graphPosts.get(id)));
        }
        assertThat(unsafe).as("drafts with controls, bidi or zero-width characters, lone surrogates or noncharacters (seed %d)", SEED).isEmpty();

        // The console's lists and the praise feed still answer with every hostile post in them.
        http.getJson(api + "/api/drafts?status=all", TOKEN, 200);
        http.getJson(api + "/api/unprocessed", TOKEN, 200);
        http.getJson(api + "/api/alerts", TOKEN, 200);
        http.getJson(api + "/api/praise", TOKEN, 200);
        assertThat(http.get(api + "/feeds/praise.atom", TOKEN).statusCode()).isEqualTo(200);
        assertThat(http.get(api + "/api/praise.csv", TOKEN).statusCode()).isEqualTo(200);
        Map<String, Integer> counts = new LinkedHashMap<>();
        posts.keySet().forEach(id -> counts.merge(outcome(Platform.X, id), 1, Integer::sum));
        Map<String, Integer> graphCounts = new LinkedHashMap<>();
        graphPosts.keySet().forEach(id -> graphCounts.merge(notIds.contains(id) ? "skipped" : outcome(Platform.FACEBOOK, id), 1, Integer::sum));
        assertThat(notIds).as("posts whose ids are no platform's are not triaged").allSatisfy(id -> assertThat(outcome(Platform.FACEBOOK, id)).isNull());
        System.out.println("HostileInputIT: " + posts.size() + " hostile posts on X: " + counts + "; " + graphPosts.size()
                + " on Facebook: " + graphCounts);
    }

    /** The first eight hostile posts not yet drafted, ignored or set aside (or skipped with an alert), with what is hostile about them. */
    private static Map<String, String> stillOpen(Map<String, Hostile> posts) {
        Map<String, String> open = new LinkedHashMap<>();
        for (String id : posts.keySet()) {
            if (outcome(Platform.X, id) == null && open.size() < 8) {
                open.put(id, describe(posts.get(id)));
            }
        }
        long skipped = app.database().alerts().latest(1000).stream().filter(a -> a.message().startsWith("Skipped facebook post")).count();
        if (skipped < notIds.size()) {
            open.put("skipped", skipped + " of the " + notIds.size() + " Facebook posts whose ids are no platform's skipped with an alert");
        }
        for (String id : graphPosts.keySet()) {
            if (!notIds.contains(id) && outcome(Platform.FACEBOOK, id) == null && open.size() < 8) {
                open.put(sketch(id), "Facebook post with hostile " + graphPosts.get(id));
            }
        }
        return open;
    }

    /** drafted, ignored, set aside, or null while the post is still on its way. */
    private static String outcome(Platform platform, String postId) {
        if (app.database().drafts().replyTo(platform.id(), postId).isPresent()) {
            return "drafted";
        }
        if (app.database().mentions().findSetAside(platform, postId, 3).isPresent()) {
            return "set aside";
        }
        Optional<Decision> d = app.database().mentions().findDecision(platform, postId);
        return d.isPresent() && !d.get().wantsReply() ? "ignored" : null;
    }

    /**
     * A code point a reply must not carry: C0 and C1 controls (a line break aside), format characters (bidi overrides,
     * isolates and marks, zero-width spaces, the BOM, soft hyphens; the joiners emoji and scripts need aside), line and
     * paragraph separators, lone surrogates and noncharacters.
     */
    static boolean invisible(int cp) {
        int type = Character.getType(cp);
        return cp != '\n' && type == Character.CONTROL
                || type == Character.FORMAT && cp != 0x200C && cp != 0x200D
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE
                || (cp & 0xFFFE) == 0xFFFE || cp >= 0xFDD0 && cp <= 0xFDEF;
    }

    /** An id as platforms give them: up to 64 ASCII letters, digits, underscores and dashes (X's are digits, Graph's digits and '_'). */
    static boolean platformId(String id) {
        return !id.isEmpty() && id.length() <= 64 && id.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-'));
    }

    private static String describe(Hostile h) {
        return "text " + sketch(h.text()) + ", name " + sketch(h.name()) + ", handle " + sketch(h.handle()) + ", lang " + sketch(h.lang());
    }

    /** A short, printable picture of a value: its length and its first code points. */
    private static String sketch(String s) {
        StringBuilder b = new StringBuilder().append(s.length()).append(" chars [");
        s.codePoints().limit(12).forEach(cp -> b.append(cp >= 0x20 && cp < 0x7f ? Character.toString(cp) : String.format("U+%04X", cp)).append(' '));
        return b.append(s.codePointCount(0, s.length()) > 12 ? "...]" : "]").toString();
    }

    /** Each kind of hostile value, drawn from the seeded generator. */
    static List<Supplier<String>> kinds(Random r) {
        return List.of(
                () -> repeat(r, "abcdefghijklmnopqrstuvwxyz", 100_000, false),
                () -> repeat(r, "abcdefghijklmnopqrstuvwxyz", 100_000, true),
                () -> pick(r, CONTROL, 5 + r.nextInt(60)),
                () -> pick(r, SURROGATES, 1 + r.nextInt(8)),
                () -> "refund " + pick(r, BIDI, 1 + r.nextInt(6)) + "AA512 " + pick(r, BIDI, 1 + r.nextInt(6)),
                () -> pick(r, ZERO_WIDTH, 1 + r.nextInt(20)),
                () -> pick(r, MARKUP, 1 + r.nextInt(4)),
                () -> pick(r, EMOJI, 50 + r.nextInt(2000)),
                // Only invisible characters: nothing printable left once they are stripped.
                () -> pick(r, ZERO_WIDTH, 3) + pick(r, BIDI, 3),
                () -> "");
    }

    /** Every kind at once, a few fragments of each in random order. */
    static String mix(Random r) {
        StringBuilder b = new StringBuilder();
        List<Supplier<String>> kinds = kinds(r);
        int n = 1 + r.nextInt(6);
        for (int i = 0; i < n; i++) {
            Supplier<String> k = kinds.get(r.nextInt(kinds.size()));
            // The 100,000-character kinds at most once a value, so the mix stays about that long.
            b.append(b.length() > 50_000 && kinds.indexOf(k) < 2 ? "x" : k.get()).append(r.nextBoolean() ? " " : "");
        }
        return b.toString();
    }

    static final String[] CONTROL = {"\u0000", "\u0001", "\u0007", "\b", "\t", "\n", "\u000b", "\f", "\r", "\u001b", "\u001b[31m",
            "\u007f", "\u0085", "\u009b", "\u00ad", "\ufffd", "\ufffe", "\uffff", "\r\n\r\nX-Injected: 1", "\u2028", "\u2029"};
    static final String[] SURROGATES = {"\ud800", "\udfff", "\udbff", "\udc00", "a\ud83d", "\ude00b", "\ud83d\ud83d"};
    static final String[] BIDI = {"\u202e", "\u202d", "\u202a", "\u202b", "\u202c", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f",
            "\u061c"};
    static final String[] ZERO_WIDTH = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u180e", "\u034f"};
    static final String[] MARKUP = {"<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "</textarea><svg onload=alert(1)>",
            "{{mustache}}", "{{{brand}}}", "{{#signature}}x{{/signature}}", "{{> partial}}", "{{=<% %>=}}", "${camel}", "${body}",
            "${exchangeProperty.mention}", "${bean:ticketDesk?method=toString}", "${sys:user.home}", "${env:HOME}", "{{careloop.http.port}}",
            "#{7*7}", "%s%n%x", "' OR '1'='1", "'; drop table mentions; --", "\"", "\\", "`", "\\u0000", "&amp;&lt;", "javascript:alert(1)",
            "https://evil.example/?a=<b>", "@acmeair", "#acmeair", "$1", "\\E.*\\Q", "(?i)"};
    static final String[] EMOJI = {"😀", "🔥", "✈️", "👨‍👩‍👧‍👦", "🏳️‍🌈", "👍🏽", "🇺🇸", "e\u0301", "Z\u0336\u0334\u0335", "\u0e07\u0e49\u0e49\u0e49"};

    private static String pick(Random r, String[] from, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(from[r.nextInt(from.length)]);
        }
        return b.toString();
    }

    private static String repeat(Random r, String alphabet, int length, boolean spaces) {
        StringBuilder b = new StringBuilder(length);
        while (b.length() < length) {
            b.append(spaces && r.nextInt(6) == 0 ? ' ' : alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
