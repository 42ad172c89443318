package org.careloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.careloop.analysis.Analysis;
import org.careloop.analysis.Sentiment;
import org.careloop.platform.Author;
import org.careloop.platform.Connections;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.careloop.rules.Decision;
import org.careloop.rules.RuleFiles;
import org.careloop.rules.RulesInForce;
import org.careloop.store.Database;
import org.careloop.tickets.Ticket;
import org.careloop.tickets.TicketDesk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What the HTTP server takes from anyone, before a route knows who is asking, over real HTTP. */
class RequestLimitsTest {

    static final AtomicInteger IDS = new AtomicInteger(9000);
    static final String BOUNDARY = "----careloop-limits";
    static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;
    static final String URLENCODED = "application/x-www-form-urlencoded";
    static Database db;
    static TestWeb.Server served;
    static TicketDesk desk;
    /** HTTP/1.1 as curl and most scripts speak it, and HTTP/2 (cleartext upgrade) as Java's client tries first. */
    static final List<HttpClient> CLIENTS = List.of(
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build(),
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build());

    @BeforeAll
    static void start() throws Exception {
        db = Database.open("jdbc:h2:mem:limitstest;DB_CLOSE_DELAY=-1", "sa", "");
        Clock clock = Clock.systemUTC();
        desk = TestWeb.tickets(db, new RulesInForce(RuleFiles.classpath("rules"), clock), clock);
        WebEndpoints web = TestWeb.endpoints(db, new Connections(), clock, () -> true, Optional.of("limits-test-token"), desk);
        served = TestWeb.serve(db, web, TestWeb.praise(db, web, clock, Optional.empty()), TestWeb.moderation(db, web, new Connections()), desk);
    }

    @AfterAll
    static void stop() {
        served.close();
        db.close();
    }

    /** A ticket's private page, as its customer has it. */
    static String customerPage() throws Exception {
        String id = String.valueOf(IDS.incrementAndGet());
        Mention m = new Mention(Platform.X, "brand", id, new Author("id-" + id, "cust" + id, "Customer"), "@acmeair you lost my bag", "en",
                Instant.now(), id, null, "https://x.com/cust/status/" + id, false, false);
        db.mentions().insertIfNew(m);
        Ticket t = desk.forPost(m, new Analysis("en", new Sentiment(Sentiment.Label.NEGATIVE, -0.8, 0.9), List.of("negative")),
                new Decision("lost-bag", Decision.Action.TICKET, "ticket", "private details"));
        HttpResponse<String> link = CLIENTS.get(0).send(HttpRequest.newBuilder(URI.create(served.base() + "/t/" + t.token())).build(),
                HttpResponse.BodyHandlers.ofString());
        return link.headers().firstValue("Location").orElseThrow().replaceAll("\\?.*$", "");
    }

    static HttpResponse<String> post(HttpClient http, String path, String contentType, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(served.base() + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A multipart form: a text field {@code body} of {@code before} bytes, then one part of that field name (and file name, if any). */
    static byte[] multipart(int before, String field, String filename) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\n" + "a".repeat(before) + "\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"\r\nContent-Type: text/plain") + "\r\n\r\nx\r\n"
                + "--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /**
     * What the web server logged while {@code call} ran (its own loggers only: a background job of an
     * earlier test, such as a webhook retry, may log at the same moment).
     */
    static List<ILoggingEvent> logged(Call call) throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        root.addAppender(seen);
        try {
            call.run();
            Thread.sleep(100); // a server may log just after it answers
        } finally {
            root.detachAppender(seen);
        }
        return seen.list.stream().filter(e -> SERVER_LOGGERS.stream().anyMatch(e.getLoggerName()::startsWith)).toList();
    }

    static final List<String> SERVER_LOGGERS = List.of("org.careloop.web.", "io.vertx", "io.netty", "org.apache.camel");

    interface Call {
        void run() throws Exception;
    }

    static HttpResponse<String> postStreamed(HttpClient http, String path, String contentType, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(served.base() + path)).timeout(Duration.ofSeconds(30)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A multipart form with one text file of that many bytes, in field file1. */
    static byte[] withFile(int size) {
        byte[] file = new byte[size];
        java.util.Arrays.fill(file, (byte) 'a');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\nmy bag\r\n--" + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"file1\"; filename=\"notes.txt\"\r\nContent-Type: text/plain\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static byte[] bytes(int size) {
        byte[] b = new byte[size];
        java.util.Arrays.fill(b, (byte) 'a');
        return b;
    }

    /**
     * Defect 14: a body is refused (413) at its route's limit before anyone is known, and is not
     * read past it: 1 MB for the API and the customer's forms, 4 KB to sign in or out. Only the
     * customer's upload takes more, and only once its page's token is known.
     */
    @Test
    void aBodyOverItsRoutesLimitIsRefusedBeforeAnyoneIsKnown() throws Exception {
        String page = customerPage();
        String unknownPage = "/c/" + "A".repeat(24);
        for (HttpClient http : CLIENTS) {
            Map<String, HttpResponse<String>> refused = new LinkedHashMap<>();
            refused.put("2 MB of JSON to the API", post(http, "/api/drafts/1/approve", "application/json", bytes(2 * 1024 * 1024)));
            refused.put("2 MB of JSON to the API, without a length", postStreamed(http, "/api/tickets/1/messages", "application/json",
                    bytes(2 * 1024 * 1024)));
            refused.put("16 KB to sign in", post(http, "/login", URLENCODED, bytes(16 * 1024)));
            // (Not a form: the form parser refuses a 16 KB field of its own, with a 400.)
            refused.put("16 KB to sign in, without a length", postStreamed(http, "/login", "application/octet-stream", bytes(16 * 1024)));
            refused.put("16 KB to sign out", post(http, "/logout", URLENCODED, bytes(16 * 1024)));
            refused.put("2 MB to a rating", post(http, "/r/" + "A".repeat(24), URLENCODED, bytes(2 * 1024 * 1024)));
            refused.put("a 2 MB file for an unknown page", post(http, unknownPage, MULTIPART, withFile(2 * 1024 * 1024)));
            refused.put("16 MB of files for a real page", post(http, page, MULTIPART, withFile(16 * 1024 * 1024)));
            refused.forEach((what, r) -> {
                assertThat(r.statusCode()).as(what + " over " + http.version()).isEqualTo(413);
                assertThat(r.body()).as(what).contains("too large").hasSizeLessThan(200);
            });
            // A real page takes its files: a 6 MB one reaches the page, which says what the limit per file is.
            HttpResponse<String> big = post(http, page, MULTIPART, withFile(6 * 1024 * 1024));
            assertThat(big.statusCode()).isEqualTo(400);
            assertThat(big.body()).contains("files may be up to 5.0 MB");
            assertThat(post(http, page, MULTIPART, withFile(2 * 1024 * 1024)).statusCode()).as("a 2 MB file").isEqualTo(303);
        }
        // What signing in really sends still fits.
        assertThat(TestWeb.login(CLIENTS.get(0), served.base(), "nobody", "p".repeat(72)).statusCode()).isEqualTo(401);
    }

    /**
     * Defect 13: a form field or file name longer than the form parser takes (2,000+ characters
     * where it spans two of the parser's 8 KB chunks, or more than 8 KB anywhere) is the client's
     * mistake: on any POST route, with no login, a short 4xx and at most one log line, without a
     * stack trace.
     */
    @Test
    void aFieldOrFileNameTooLongToParseGetsAShortRefusalAndOneLogLine() throws Exception {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        for (int length : new int[] {2500, 10_000}) {
            String name = "n".repeat(length);
            int before = length < 8192 ? 7000 : 0;
            bodies.put("a field name of " + length, multipart(before, name, null));
            bodies.put("a file name of " + length, multipart(before, "file1", name + ".png"));
            bodies.put("a urlencoded name of " + length, ("body=" + "a".repeat(before) + "&" + name + "=x").getBytes(StandardCharsets.UTF_8));
        }
        for (String path : List.of("/login", "/logout", customerPage(), "/c/" + "A".repeat(24) + "/rating", "/api/drafts/1/approve",
                "/api/tickets/1/messages")) {
            for (HttpClient http : CLIENTS) {
                for (Map.Entry<String, byte[]> body : bodies.entrySet()) {
                    String what = body.getKey() + " to " + path + " over " + http.version();
                    String type = body.getKey().contains("urlencoded") ? URLENCODED : MULTIPART;
                    @SuppressWarnings("unchecked")
                    HttpResponse<String>[] answer = new HttpResponse[1];
                    List<ILoggingEvent> log = logged(() -> answer[0] = post(http, path, type, body.getValue()));
                    assertThat(log).as(what + ": the log").hasSizeLessThanOrEqualTo(1)
                            .allSatisfy(e -> assertThat(e.getThrowableProxy()).as(what + ": a stack trace").isNull())
                            .noneSatisfy(e -> assertThat(e.getFormattedMessage()).contains("nnnnnnnnnn"));
                    assertThat(answer[0].statusCode()).as(what).isLessThan(500);
                    // Where the parser's chunks end depends on how the bytes arrive, so a name of 2,500 characters
                    // may parse and reach the route (which refuses the request its own way); a part's name over
                    // 8 KB never does.
                    boolean refusedUnread = answer[0].headers().firstValue("Content-Type").orElse("").startsWith("text/plain");
                    if (body.getKey().contains("10000") && type.equals(MULTIPART)) {
                        assertThat(refusedUnread).as(what + ": refused unread").isTrue();
                    }
                    if (refusedUnread) {
                        // (Signing in or out takes 4 KB: these bodies are over that, which is said first.)
                        boolean small = path.equals("/login") || path.equals("/logout");
                        assertThat(answer[0].statusCode()).as(what).isEqualTo(small ? 413 : 400);
                        assertThat(answer[0].body()).as(what).contains(small ? "too large" : "too long").hasSizeLessThan(200)
                                .doesNotContain("Exception");
                        ResponseHeadersTest.hasThePolicy(answer[0], what);
                        ResponseHeadersTest.carriesOnlyItsOwnHeaders(answer[0]);
                    }
                }
            }
        }
    }
}
