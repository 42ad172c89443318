package org.careloop.platform.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.careloop.config.Json;
import org.careloop.platform.Mention;
import org.careloop.platform.PlatformAdapter;
import org.careloop.platform.PlatformException;
import org.careloop.platform.PlatformException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The X connector on the wire: canned X API v2 payloads (src/test/resources/x) served by a stub,
 * so the requests twitter4j sends and the way the answers are read are checked against the real
 * API's shapes rather than against our own simulator.
 */
class XAdapterWireTest {

    static final String BRAND_ID = "1850000000000000000";

    record Request(String method, String path, Map<String, String> query, Map<String, List<String>> headers, String body) {}

    record Canned(int status, String resource, Map<String, String> headers) {}

    HttpServer server;
    final List<Request> requests = new CopyOnWriteArrayList<>();
    final Map<String, Deque<Canned>> answers = new HashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    void answer(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = ex.getRequestURI().getPath();
        requests.add(new Request(ex.getRequestMethod(), path, query(ex.getRequestURI().getRawQuery()),
                Map.copyOf(ex.getRequestHeaders()), body));
        Deque<Canned> queue = answers.get(ex.getRequestMethod() + " " + path);
        Canned c = queue == null || queue.isEmpty() ? new Canned(404, "empty.json", Map.of()) : queue.poll();
        byte[] out;
        try (InputStream in = getClass().getResourceAsStream("/x/" + c.resource())) {
            out = in.readAllBytes();
        }
        ex.getResponseHeaders().set("Content-Type", c.status() < 300 ? "application/json" : "application/problem+json");
        c.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(c.status(), out.length);
        ex.getResponseBody().write(out);
        ex.close();
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    void on(String methodAndPath, int status, String resource, Map<String, String> headers) {
        answers.computeIfAbsent(methodAndPath, k -> new ArrayDeque<>()).add(new Canned(status, resource, headers));
    }

    void on(String methodAndPath, int status, String resource) {
        on(methodAndPath, status, resource, Map.of());
    }

    XAdapter adapter(String query) {
        return new XAdapter(new XAccount("brand", "http://127.0.0.1:" + server.getAddress().getPort() + "/",
                "ck", "cs", "at", "as", query, 50));
    }

    /** With X's clock at {@code now}: the canned posts are of their own time. */
    XAdapter adapter(String query, Instant now) {
        return new XAdapter(new XAccount("brand", "http://127.0.0.1:" + server.getAddress().getPort() + "/",
                "ck", "cs", "at", "as", query, 50), XAdapter.MAX_PAGES, java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
    }

    List<Request> requestsTo(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Test
    void identifiesWithAnOAuth1SignedRequest() throws Exception {
        on("GET /2/users/me", 200, "me.json");
        PlatformAdapter.Identity me = adapter(null).identify();
        assertThat(me).isEqualTo(new PlatformAdapter.Identity(BRAND_ID, "acmeair", "Acme Air"));
        assertThat(requests.get(0).query().get("user.fields").split(",")).contains("name", "username");
        String auth = requests.get(0).headers().get("Authorization").get(0);
        assertThat(auth).startsWith("OAuth ").contains("oauth_consumer_key=\"ck\"", "oauth_token=\"at\"",
                "oauth_signature_method=\"HMAC-SHA1\"", "oauth_signature=");
    }

    @Test
    void readsAllPagesOfMentionsNormalisedOldestFirst() throws Exception {
        on("GET /2/users/me", 200, "me.json");
        on("GET /2/users/" + BRAND_ID + "/mentions", 200, "mentions-page1.json");
        on("GET /2/users/" + BRAND_ID + "/mentions", 200, "mentions-page2.json");
        // An 18-digit cursor below 19-digit ids: compared as numbers, not as text.
        PlatformAdapter.Batch batch = adapter(null).fetch("mentions", "999999999999999999");

        List<Request> calls = requestsTo("/2/users/" + BRAND_ID + "/mentions");
        assertThat(calls).hasSize(2);
        Map<String, String> first = calls.get(0).query();
        assertThat(first).containsEntry("since_id", "999999999999999999").containsEntry("expansions", "author_id")
                .containsEntry("max_results", "50").doesNotContainKey("pagination_token");
        assertThat(first.get("tweet.fields").split(","))
                .contains("created_at", "conversation_id", "in_reply_to_user_id", "referenced_tweets", "lang", "author_id");
        assertThat(first.get("user.fields").split(",")).contains("name", "username");
        assertThat(calls.get(1).query()).containsEntry("pagination_token", "7140dibdnow9c7btw4b0sxq6r2dt7tjg1ybdxu2u0hq9n")
                .containsEntry("since_id", "999999999999999999");

        assertThat(batch.mentions()).extracting(Mention::id).containsExactly(
                "1850000000000000102", "1850000000000000103", "1850000000000000104", "1850000000000000105");
        assertThat(batch.nextCursor()).isEqualTo("1850000000000000105");

        Mention jana = batch.mentions().get(0);
        assertThat(jana.account()).isEqualTo("brand");
        assertThat(jana.author().id()).isEqualTo("1111");
        assertThat(jana.author().handle()).isEqualTo("jana_k");
        assertThat(jana.author().name()).isEqualTo("Jana K.");
        assertThat(jana.text()).isEqualTo("@acmeair my bag is lost");
        assertThat(jana.lang()).isEqualTo("en");
        assertThat(jana.createdAt()).isEqualTo(Instant.parse("2026-11-20T10:02:00Z"));
        assertThat(jana.conversationId()).isEqualTo("1850000000000000101");
        assertThat(jana.inReplyToId()).isEqualTo("1850000000000000101");
        assertThat(jana.permalink()).isEqualTo("https://x.com/jana_k/status/1850000000000000102");
        assertThat(jana.isCustomerPost()).isTrue();

        Mention maria = batch.mentions().get(1);
        assertThat(maria.lang()).isEqualTo("es");
        assertThat(maria.inReplyToId()).isNull();
        assertThat(maria.author().name()).isEqualTo("María");
        assertThat(maria.isCustomerPost()).isTrue();

        Mention brand = batch.mentions().get(2);
        assertThat(brand.fromBrand()).isTrue();
        assertThat(brand.retweet()).isFalse();

        Mention retweet = batch.mentions().get(3);
        assertThat(retweet.retweet()).isTrue();
        assertThat(retweet.fromBrand()).isFalse();
        assertThat(retweet.author().handle()).isEqualTo("fan");
    }

    @Test
    void aBurstLargerThanOnePollIsReadInLaterPollsNotSkipped() throws Exception {
        String mentions = "/2/users/" + BRAND_ID + "/mentions";
        on("GET /2/users/me", 200, "me.json");
        on("GET " + mentions, 200, "mentions-page1.json");
        on("GET " + mentions, 200, "mentions-page2.json");
        on("GET " + mentions, 200, "empty.json");
        XAdapter x = new XAdapter(new XAccount("brand", "http://127.0.0.1:" + server.getAddress().getPort() + "/",
                "ck", "cs", "at", "as", null, 50), 1);

        PlatformAdapter.Batch newest = x.fetch("mentions", "999999999999999999");
        assertThat(newest.mentions()).extracting(Mention::id).containsExactly("1850000000000000104", "1850000000000000105");
        assertThat(newest.nextCursor()).isEqualTo("999999999999999999:1850000000000000104:1850000000000000105");

        PlatformAdapter.Batch older = x.fetch("mentions", newest.nextCursor());
        assertThat(requestsTo(mentions).get(1).query()).containsEntry("since_id", "999999999999999999")
                .containsEntry("until_id", "1850000000000000104").doesNotContainKey("pagination_token");
        assertThat(older.mentions()).extracting(Mention::id).containsExactly("1850000000000000102", "1850000000000000103");
        // The timeline ended inside the gap: at the cursor, or at its 800 newest mentions? Search tells.
        assertThat(older.nextCursor()).isEqualTo("search:999999999999999999:1850000000000000102:1850000000000000105");

        on("GET /2/tweets/search/recent", 200, "empty.json");
        PlatformAdapter.Batch beyond = x.fetch("mentions", older.nextCursor());
        assertThat(requestsTo("/2/tweets/search/recent").get(0).query()).containsEntry("query", "@acmeair")
                .containsEntry("since_id", "999999999999999999").containsEntry("until_id", "1850000000000000102");
        assertThat(beyond.mentions()).isEmpty();
        assertThat(beyond.nextCursor()).isEqualTo("1850000000000000105");

        assertThat(x.fetch("mentions", beyond.nextCursor()).nextCursor()).isEqualTo("1850000000000000105");
        assertThat(requestsTo(mentions).get(2).query()).containsEntry("since_id", "1850000000000000105").doesNotContainKey("until_id");
    }

    @Test
    void theCursorNeverMovesBackwards() throws Exception {
        on("GET /2/users/me", 200, "me.json");
        on("GET /2/users/" + BRAND_ID + "/mentions", 200, "empty.json");
        on("GET /2/users/" + BRAND_ID + "/mentions", 200, "mentions-page2.json");
        on("GET /2/users/" + BRAND_ID + "/mentions", 200, "empty.json");
        XAdapter x = adapter(null);

        PlatformAdapter.Batch nothing = x.fetch("mentions", "1850000000000000110");
        assertThat(nothing.mentions()).isEmpty();
        assertThat(nothing.nextCursor()).isEqualTo("1850000000000000110");

        // Posts older than the cursor (an API that ignored since_id) are not new: dropped, and the cursor stays.
        PlatformAdapter.Batch stale = x.fetch("mentions", "1850000000000000110");
        assertThat(stale.mentions()).isEmpty();
        assertThat(stale.nextCursor()).isEqualTo("1850000000000000110");

        PlatformAdapter.Batch first = x.fetch("mentions", null);
        assertThat(first.mentions()).isEmpty();
        assertThat(first.nextCursor()).isNull();
        assertThat(requestsTo("/2/users/" + BRAND_ID + "/mentions").get(2).query()).doesNotContainKey("since_id");
        assertThat(requestsTo("/2/users/me")).as("the account id is asked once").hasSize(1);
    }

    @Test
    void searchesRecentPostsWithTheQueryReadingAgainALittleBeforeTheCursor() throws Exception {
        on("GET /2/users/me", 200, "me.json");
        on("GET /2/tweets/search/recent", 200, "search.json");
        XAdapter x = adapter("\"Acme Air\" -is:retweet", XCursor.timeOf(1850000000000000201L).plusSeconds(60));
        assertThat(x.feeds()).containsExactly("replies", "mentions", "search");
        assertThat(adapter(null).feeds()).containsExactly("replies", "mentions");
        XAccount quiet = new XAccount("brand", "http://x.invalid/", "k", "s", "t", "ts", null, 100, Duration.ofSeconds(5), Duration.ZERO, false);
        assertThat(new XAdapter(quiet).feeds()).as("careloop.x.<name>.own-posts=false").containsExactly("mentions");

        PlatformAdapter.Batch batch = x.fetch("search", "1850000000000000200");
        assertThat(batch.mentions()).extracting(Mention::id).containsExactly("1850000000000000201");
        assertThat(batch.mentions().get(0).author().handle()).isEqualTo("ben");
        assertThat(batch.nextCursor()).isEqualTo("1850000000000000201");
        Map<String, String> q = requestsTo("/2/tweets/search/recent").get(0).query();
        // 30 s before the cursor: a post X indexed late still comes (the mention store drops the ones seen).
        long overlap = XCursor.firstIdAt(XCursor.timeOf(1850000000000000200L).minusSeconds(30));
        assertThat(q).containsEntry("query", "\"Acme Air\" -is:retweet").containsEntry("since_id", Long.toString(overlap))
                .containsEntry("expansions", "author_id").doesNotContainKey("start_time");
    }

    @Test
    void aSinceIdXRefusesAsOlderThanSevenDaysIsReadFromATimeAndTheCursorRecovers() throws Exception {
        on("GET /2/users/me", 200, "me.json");
        on("GET /2/tweets/search/recent", 400, "since-id-too-old.json");
        on("GET /2/tweets/search/recent", 200, "search-within-reach.json");
        on("GET /2/tweets/search/recent", 200, "empty.json");
        Instant now = Instant.parse("2024-11-02T14:27:30Z");
        XAdapter x = adapter("\"Acme Air\"", now);

        PlatformAdapter.Batch batch = x.fetch("search", "1850000000000000200");
        assertThat(batch.mentions()).extracting(Mention::id).containsExactly("1852712263480246273");
        List<Request> calls = requestsTo("/2/tweets/search/recent");
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).query()).containsKey("since_id").doesNotContainKey("start_time");
        // since_id and start_time exclude each other; from X's oldest reach, five minutes in.
        assertThat(calls.get(1).query()).doesNotContainKey("since_id").containsEntry("start_time", "2024-10-26T14:32:30Z")
                .containsEntry("query", "\"Acme Air\"");
        assertThat(batch.nextCursor()).isEqualTo("1852712263480246273");

        x.fetch("search", batch.nextCursor());
        assertThat(requestsTo("/2/tweets/search/recent").get(2).query()).as("back on a since_id")
                .containsKey("since_id").doesNotContainKey("start_time");
    }

    @Test
    void aQuietSearchsCursorIsKeptWithinXsReach() throws Exception {
        on("GET /2/users/me", 200, "me.json");
        on("GET /2/tweets/search/recent", 200, "empty.json");
        Instant now = XCursor.timeOf(1850000000000000200L).plus(java.time.Duration.ofDays(3));
        PlatformAdapter.Batch quiet = adapter("\"Acme Air\"", now).fetch("search", "1850000000000000200");
        assertThat(quiet.mentions()).isEmpty();
        assertThat(XCursor.timeOf(Long.parseLong(quiet.nextCursor()))).as("read through to now: resumes a day back at most")
                .isEqualTo(now.minus(java.time.Duration.ofDays(1)));
    }

    @Test
    void anotherRefusedSearchIsRejectedNotRetriedFromATime() throws Exception {
        on("GET /2/users/me", 200, "me.json");
        on("GET /2/tweets/search/recent", 400, "invalid-request.json");
        PlatformException e = failure(() -> adapter("\"Acme Air\"").fetch("search", "1850000000000000200"));
        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(requestsTo("/2/tweets/search/recent")).hasSize(1);
    }

    @Test
    void publishesAReplyInTheThread() throws Exception {
        on("GET /2/users/me", 200, "me.json");
        on("POST /2/tweets", 201, "created.json");
        XAdapter x = adapter(null);
        x.identify();
        PlatformAdapter.Published p = x.publish(new PlatformAdapter.Reply("outbox-1", "1850000000000000102", "@jana_k we found your bag"));

        assertThat(p).isEqualTo(new PlatformAdapter.Published("1850000000000000300", "https://x.com/acmeair/status/1850000000000000300"));
        Request post = requestsTo("/2/tweets").get(0);
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.headers().get("Authorization").get(0)).startsWith("OAuth ").contains("oauth_token=\"at\"");
        JsonNode body = Json.mapper().readTree(post.body());
        assertThat(body.path("text").asText()).isEqualTo("@jana_k we found your bag");
        assertThat(body.at("/reply/in_reply_to_tweet_id").asText()).isEqualTo("1850000000000000102");
    }

    @Test
    void rejectedCredentialsAreAnAuthError() {
        on("GET /2/users/me", 401, "unauthorized.json");
        PlatformException e = failure(() -> adapter(null).identify());
        assertThat(e.kind()).isEqualTo(Kind.AUTH);
        assertThat(e.getMessage()).as("X's words, not twitter4j's boilerplate")
                .isEqualTo("X API could not identify the account: HTTP 401 Unauthorized (the credentials were rejected)");
    }

    @Test
    void missingWriteAccessIsAnAuthError() throws Exception {
        on("GET /2/users/me", 200, "me.json");
        on("POST /2/tweets", 403, "oauth1-permissions.json");
        XAdapter x = adapter(null);
        x.identify();
        assertThat(failure(() -> x.publish(new PlatformAdapter.Reply("1", "1850000000000000102", "hi"))).kind()).isEqualTo(Kind.AUTH);
    }

    @Test
    void aRateLimitCarriesTheResetTime() {
        long reset = Instant.now().plusSeconds(600).getEpochSecond();
        on("GET /2/users/me", 429, "rate-limited.json", Map.of("x-rate-limit-limit", "75", "x-rate-limit-remaining", "0",
                "x-rate-limit-reset", Long.toString(reset)));
        PlatformException e = failure(() -> adapter(null).identify());
        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).isEqualTo(Instant.ofEpochSecond(reset));
    }

    @Test
    void anOutageIsTransient() throws Exception {
        on("GET /2/users/me", 200, "me.json");
        on("GET /2/users/" + BRAND_ID + "/mentions", 503, "unavailable.json");
        assertThat(failure(() -> adapter(null).fetch("mentions", null)).kind()).isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void anUnreachableApiIsTransient() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        XAdapter x = new XAdapter(new XAccount("brand", "http://127.0.0.1:" + closed + "/", "ck", "cs", "at", "as", null, 50));
        assertThat(failure(x::identify).kind()).isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void refusedRepliesAreRejected() throws Exception {
        on("GET /2/users/me", 200, "me.json");
        on("POST /2/tweets", 400, "invalid-request.json");
        on("POST /2/tweets", 403, "duplicate.json");
        XAdapter x = adapter(null);
        x.identify();
        PlatformAdapter.Reply reply = new PlatformAdapter.Reply("1", "1850000000000000102", "hi");
        PlatformException invalid = failure(() -> x.publish(reply));
        assertThat(invalid.kind()).isEqualTo(Kind.REJECTED);
        assertThat(invalid.getMessage()).isEqualTo(
                "X API could not publish a reply: HTTP 400 The `reply.in_reply_to_tweet_id` field is not valid");
        PlatformException duplicate = failure(() -> x.publish(reply));
        assertThat(duplicate.kind()).isEqualTo(Kind.DUPLICATE);
        assertThat(duplicate.getMessage()).contains("HTTP 403", "duplicate content");
    }

    @Test
    void findsAnEarlierCopyOfAReplyInTheAccountsOwnPostsSinceThePostAnswered() throws Exception {
        on("GET /2/users/me", 200, "me.json");
        on("GET /2/users/" + BRAND_ID + "/tweets", 200, "own-posts.json");
        on("GET /2/users/" + BRAND_ID + "/tweets", 200, "own-posts.json");
        XAdapter x = adapter(null);
        // As sent: the link in full, & unescaped. X gives it back shortened to t.co and HTML-escaped.
        PlatformAdapter.Reply reply = new PlatformAdapter.Reply("5", "1850000000000000102",
                "@jana_k We're on it & will write to you today: https://acme.example/tickets/8f3a");

        PlatformAdapter.Published found = x.findReply(reply).orElseThrow();
        assertThat(found.id()).isEqualTo("1850000000000000208");
        assertThat(found.permalink()).isEqualTo("https://x.com/acmeair/status/1850000000000000208");
        Map<String, String> q = requestsTo("/2/users/" + BRAND_ID + "/tweets").get(0).query();
        assertThat(q).containsEntry("since_id", "1850000000000000102").containsEntry("max_results", "100").doesNotContainKey("exclude");
        assertThat(q.get("tweet.fields").split(",")).contains("referenced_tweets");

        PlatformAdapter.Reply otherText = new PlatformAdapter.Reply("6", "1850000000000000102", "@jana_k Found it!");
        assertThat(x.findReply(otherText)).isEmpty();
    }

    @Test
    void readsTheAccountsOwnPostsAsTheBrandsSoTheTeamsRepliesOnXJoinTheirThreads() throws Exception {
        on("GET /2/users/me", 200, "me.json");
        on("GET /2/users/" + BRAND_ID + "/tweets", 200, "own-posts.json");
        XAdapter x = adapter(null);

        PlatformAdapter.Batch batch = x.fetch("replies", "1850000000000000200");
        assertThat(batch.mentions()).extracting(Mention::id)
                .containsExactly("1850000000000000208", "1850000000000000209", "1850000000000000210");
        assertThat(batch.mentions()).allSatisfy(m -> {
            assertThat(m.fromBrand()).as("the brand's own, never triaged").isTrue();
            assertThat(m.isCustomerPost()).isFalse();
            assertThat(m.author().handle()).isEqualTo("acmeair");
        });
        Mention reply = batch.mentions().get(0);
        assertThat(reply.conversationId()).as("in the customer's thread").isEqualTo("1850000000000000101");
        assertThat(reply.inReplyToId()).isEqualTo("1850000000000000102");
        assertThat(reply.permalink()).isEqualTo("https://x.com/acmeair/status/1850000000000000208");
        assertThat(batch.nextCursor()).isEqualTo("1850000000000000210");
        Map<String, String> q = requestsTo("/2/users/" + BRAND_ID + "/tweets").get(0).query();
        assertThat(q).containsEntry("since_id", "1850000000000000200").containsEntry("exclude", "retweets");
        assertThat(q.get("tweet.fields").split(",")).contains("conversation_id", "referenced_tweets");
    }

    interface Call {
        Object run() throws Exception;
    }

    static PlatformException failure(Call call) {
        PlatformException[] caught = new PlatformException[1];
        assertThatThrownBy(call::run).isInstanceOfSatisfying(PlatformException.class, e -> caught[0] = e);
        return caught[0];
    }
}
