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

    /** What the server logged while {@code call} ran. */
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
        return List.copyOf(seen.list);
    }

    interface Call {
        void run() throws Exception;
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
                        assertThat(answer[0].statusCode()).as(what).isEqualTo(400);
                        assertThat(answer[0].body()).as(what).contains("too long").hasSizeLessThan(200).doesNotContain("Exception");
                        ResponseHeadersTest.hasThePolicy(answer[0], what);
                        ResponseHeadersTest.carriesOnlyItsOwnHeaders(answer[0]);
                    }
                }
            }
        }
    }
}
