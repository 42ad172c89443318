package org.careloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.careloop.analysis.Analysis;
import org.careloop.analysis.Sentiment;
import org.careloop.config.Json;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Tickets over real HTTP: the agents' API and the customer's page behind the ticket link (token
 * security, private details and files, rating) and the public rating link.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TicketsWebTest {

    static final String TOKEN = "tickets-test-token";
    static final AtomicInteger IDS = new AtomicInteger(7000);
    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==");
    static Database db;
    static TestWeb.Server served;
    static TicketDesk desk;
    static String base;
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        db = Database.open("jdbc:h2:mem:ticketsweb;DB_CLOSE_DELAY=-1", "sa", "");
        db.users().save(new UserStore.User("alice", Sessions.hash("alice-password"), UserStore.Role.AGENT));
        db.users().save(new UserStore.User("mark", Sessions.hash("mark-password"), UserStore.Role.MARKETING));
        Clock clock = Clock.systemUTC();
        desk = TestWeb.tickets(db, new RulesInForce(RuleFiles.classpath("rules"), clock), clock);
        WebEndpoints web = TestWeb.endpoints(db, new Connections(), clock, () -> true, Optional.of(TOKEN), desk);
        served = TestWeb.serve(db, web, TestWeb.praise(db, web, clock, Optional.empty()), TestWeb.moderation(db, web, new Connections()), desk);
        base = served.base();
    }

    @AfterAll
    static void stop() {
        served.close();
        db.close();
    }

    static Ticket newTicket(String handle, String text) {
        String id = String.valueOf(IDS.incrementAndGet());
        Mention m = new Mention(Platform.X, "brand", id, new Author("id-" + handle, handle, handle), text, "en", Instant.now(), id, null,
                "https://x.com/" + handle + "/status/" + id, false, false);
        db.mentions().insertIfNew(m);
        return desk.forPost(m, new Analysis("en", new Sentiment(Sentiment.Label.NEGATIVE, -0.8, 0.9), List.of("negative")),
                new Decision("lost-bag", Decision.Action.TICKET, "ticket", "private details"));
    }

    static HttpResponse<String> call(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> api(String method, String path, String body) throws Exception {
        return call(method, path, body, "Authorization", "Bearer " + TOKEN, "Content-Type", "application/json");
    }

    /** A multipart form as a browser sends it: text fields, then files, each in its own field. */
    static HttpResponse<String> form(String path, String message, Object... files) throws Exception {
        Object[] inFields = new Object[files.length / 3 * 4];
        for (int i = 0; i < files.length / 3; i++) {
            inFields[4 * i] = "file" + (i + 1);
            System.arraycopy(files, 3 * i, inFields, 4 * i + 1, 3);
        }
        return formInFields(path, message, inFields);
    }

    /** As {@link #form}, with each file's field named: field, file name, type, bytes. */
    static HttpResponse<String> formInFields(String path, String message, Object... files) throws Exception {
        String boundary = "----careloop" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\n" + message + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < files.length; i += 4) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + files[i] + "\"; filename=\"" + files[i + 1]
                    + "\"\r\nContent-Type: " + files[i + 2] + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes((byte[]) files[i + 3]);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Follows the ticket's public link as its first visitor: the address of the private page it opens. */
    static String open(Ticket t) throws Exception {
        HttpResponse<String> r = call("GET", "/t/" + t.token(), null);
        assertThat(r.statusCode()).isEqualTo(303);
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/c/").doesNotContain(t.token());
        return location.replaceAll("\\?.*$", "");
    }

    static HttpResponse<String> post(String path, String urlencoded) throws Exception {
        return call("POST", path, urlencoded, "Content-Type", "application/x-www-form-urlencoded");
    }

    @Test
    @Order(1)
    void theLinkOpensThatTicketOnlyWithoutALogin() throws Exception {
        Ticket mine = newTicket("jana", "@acmeair you lost my bag");
        Ticket other = newTicket("omar", "@acmeair you lost my bag too");
        desk.fromCustomer(other, "Omar's booking XYZ789");
        desk.fromAgent(mine.id(), "alice", "Internal: check the Heathrow desk", true);
        String privatePage = open(mine);
        HttpResponse<String> page = call("GET", privatePage + "?welcome=1", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Bookmark it");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(page.body()).contains("Case #" + mine.id()).contains("you lost my bag")
                .doesNotContain("XYZ789", "omar", "Heathrow", other.token(), mine.ratingToken());
        // The link is in a public post: once used, it shows a stranger nothing of the case.
        desk.fromCustomer(db.tickets().find(mine.id()).orElseThrow(), "My email is jana@example.com");
        HttpResponse<String> again = call("GET", "/t/" + mine.token(), null);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("This link has been used").contains("#" + mine.id())
                .doesNotContain("jana@example.com", "lost my bag", "/c/");
        assertThat(call("GET", privatePage, null).body()).contains("jana@example.com");
    }

    @Test
    @Order(2)
    void aNewLinkReplacesTheOneSomeoneElseOpenedFirst() throws Exception {
        Ticket t = newTicket("sam", "@acmeair you lost my bag");
        String strangersPage = open(t);
        HttpResponse<String> renewed = api("POST", "/api/tickets/" + t.id() + "/new-link", "{}");
        assertThat(renewed.statusCode()).isEqualTo(200);
        String link = Json.mapper().readTree(renewed.body()).get("customerPage").asText();
        assertThat(link).doesNotContain(t.token());
        assertThat(call("GET", strangersPage, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/t/" + t.token(), null).statusCode()).isEqualTo(404);
        Ticket renewedTicket = db.tickets().find(t.id()).orElseThrow();
        assertThat(open(renewedTicket)).isNotEqualTo(strangersPage);
        assertThat(db.tickets().messages(t.id())).filteredOn(m -> m.kind() == Ticket.Kind.NOTE).isNotEmpty();
    }

    @Test
    @Order(3)
    void unknownGuessedAndWrongKindsOfTokenAreAPlain404() throws Exception {
        Ticket t = newTicket("lena", "@acmeair you lost my bag");
        String privatePage = open(t);
        String pageToken = privatePage.substring("/c/".length());
        String realPage = call("GET", privatePage, null).body();
        for (String guess : List.of(TicketDesk.class.getSimpleName() + "AAAAAAAAAAAAAAAA", pageToken.substring(0, 23) + (pageToken.endsWith("x") ? "y" : "x"),
                String.valueOf(t.id()), "%23" + t.id(), "..%2F..%2Fapi%2Ftickets", t.ratingToken(), t.token())) {
            HttpResponse<String> r = call("GET", "/c/" + guess, null);
            assertThat(r.statusCode()).as(guess).isEqualTo(404);
            assertThat(r.body()).doesNotContain("lost my bag").doesNotContain("Case #");
        }
        for (String wrongKind : List.of(pageToken, t.ratingToken())) {
            assertThat(call("GET", "/t/" + wrongKind, null).statusCode()).isEqualTo(404);
        }
        assertThat(call("GET", "/r/" + t.token(), null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/r/" + pageToken, null).statusCode()).isEqualTo(404);
        assertThat(post("/c/" + pageToken.toLowerCase() + "x", "body=hi").statusCode()).isEqualTo(404);
        assertThat(realPage).contains("lost my bag").contains("Case #" + t.id());
    }

    @Test
    @Order(4)
    void theCustomerAddsDetailsAndFilesThatOnlyTheTeamSees() throws Exception {
        Ticket t = newTicket("kofi", "@acmeair you lost my bag");
        String page = open(t);
        HttpResponse<String> sent = form(page, "Booking ABC123, tag AA 123456", "bag tag.png", "image/png", PNG,
                "notes.txt", "text/plain", "Colour: red, hard shell\n".getBytes(StandardCharsets.UTF_8));
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(sent.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith(page));
        List<Ticket.Attachment> files = db.tickets().attachments(t.id());
        assertThat(files).extracting(Ticket.Attachment::filename, Ticket.Attachment::contentType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bag tag.png", "image/png"),
                        org.assertj.core.groups.Tuple.tuple("notes.txt", "text/plain"));
        String shown = call("GET", sent.headers().firstValue("Location").orElseThrow(), null).body();
        assertThat(shown).contains("Booking ABC123").contains("bag tag.png").contains("Thank you, our team has your message");

        HttpResponse<String> download = call("GET", page + "/files/" + files.get(0).id(), null);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).startsWith("attachment"));
        assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        // Another ticket's link cannot reach this ticket's files.
        Ticket other = newTicket("ines", "@acmeair you lost my bag");
        assertThat(call("GET", open(other) + "/files/" + files.get(0).id(), null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/t/" + t.token() + "/files/" + files.get(0).id(), null).statusCode()).isEqualTo(404);

        JsonNode agentView = Json.mapper().readTree(api("GET", "/api/tickets/" + t.id(), null).body());
        assertThat(agentView.at("/ticket/status").asText()).isEqualTo("open");
        assertThat(agentView.get("messages").toString()).contains("Booking ABC123");
        assertThat(call("GET", "/api/tickets/" + t.id() + "/attachments/" + files.get(0).id(), null, "Authorization", "Bearer " + TOKEN)
                .statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/tickets/" + t.id() + "/attachments/" + files.get(0).id(), null).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(5)
    void aFileKeepsNoBidiOverrideNorOtherInvisibleCharacterInItsName() throws Exception {
        Ticket t = newTicket("sven", "@acmeair you lost my bag");
        String page = open(t);
        // Shown as "invoiceexe.png", downloaded as .exe.
        assertThat(form(page, "my invoice", "invoice\u202Egnp.exe", "image/png", PNG, "re\u200Bceipt\u2066.png", "image/png", PNG)
                .statusCode()).isEqualTo(303);
        List<Ticket.Attachment> files = db.tickets().attachments(t.id());
        assertThat(files).extracting(Ticket.Attachment::filename).containsExactly("invoicegnp.exe", "receipt.png");
        assertThat(call("GET", page + "/files/" + files.get(0).id(), null).headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(v -> assertThat(v).endsWith("filename*=UTF-8''invoicegnp.exe"));
    }

    /**
     * Defect 12: Camel keeps one attachment per form field, so of several files in one field (a
     * changed page, a script) only the last would be kept while the customer is told all were sent.
     * Such a form is refused whole, saying why; one file per field keeps every file.
     */
    @Test
    @Order(5)
    void severalFilesInOneFieldAreRefusedRatherThanHalfKept() throws Exception {
        Ticket t = newTicket("yara", "@acmeair you lost my bag");
        String page = open(t);
        HttpResponse<String> both = formInFields(page, "Front and back of the tag", "file1", "front.png", "image/png", PNG,
                "file1", "back.txt", "text/plain", "back of the tag".getBytes(StandardCharsets.UTF_8));
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(both.body()).contains("one file in each").contains("Nothing was sent").doesNotContain("Thank you, our team has your message");
        assertThat(db.tickets().attachments(t.id())).isEmpty();
        assertThat(db.tickets().messages(t.id())).noneMatch(m -> m.body().contains("Front and back"));

        assertThat(formInFields(page, "Front and back of the tag", "file1", "front.png", "image/png", PNG,
                "file2", "back.txt", "text/plain", "back of the tag".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(303);
        assertThat(db.tickets().attachments(t.id())).extracting(Ticket.Attachment::filename).containsExactly("front.png", "back.txt");
    }

    @Test
    @Order(5)
    void filesOfTheWrongKindOrSizeAreRefusedWithAReason() throws Exception {
        Ticket t = newTicket("raj", "@acmeair you lost my bag");
        String page = open(t);
        HttpResponse<String> html = form(page, "see this", "photo.png", "image/png",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(html.statusCode()).isEqualTo(400);
        assertThat(html.body()).contains("not a kind of file we accept").contains("text/html");
        HttpResponse<String> big = form(page, "big", "scan.png", "image/png", bigPng(5 * 1024 * 1024 + 1));
        assertThat(big.statusCode()).isEqualTo(400);
        assertThat(big.body()).contains("files may be up to 5.0 MB");
        assertThat(form(page, "").statusCode()).isEqualTo(400);
        assertThat(db.tickets().attachments(t.id())).isEmpty();
        assertThat(db.tickets().messages(t.id())).filteredOn(m -> m.kind() != Ticket.Kind.EVENT).hasSize(1);
    }

    @Test
    @Order(6)
    void agentsListAnswerAndResolveAndTheClosingDraftNamesItsTicket() throws Exception {
        Ticket t = newTicket("mia", "@acmeair you lost my bag");
        JsonNode list = Json.mapper().readTree(api("GET", "/api/tickets?status=open", null).body());
        assertThat(list.findValuesAsText("reference")).contains("#" + t.id());
        assertThat(api("GET", "/api/tickets?status=lost", null).statusCode()).isEqualTo(400);
        assertThat(api("GET", "/api/tickets/999999", null).statusCode()).isEqualTo(404);

        HttpResponse<String> answered = api("POST", "/api/tickets/" + t.id() + "/messages", "{\"body\": \"We found it: delivery tomorrow\"}");
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(Json.mapper().readTree(answered.body()).at("/ticket/status").asText()).isEqualTo("waiting");
        assertThat(call("GET", open(t), null).body()).contains("We found it: delivery tomorrow").contains("Waiting for your reply");

        HttpResponse<String> resolved = api("POST", "/api/tickets/" + t.id() + "/resolve", "{}");
        assertThat(resolved.statusCode()).isEqualTo(200);
        JsonNode r = Json.mapper().readTree(resolved.body());
        assertThat(r.at("/ticket/status").asText()).isEqualTo("resolved");
        assertThat(r.at("/closingDraft/ticketId").asLong()).isEqualTo(t.id());
        assertThat(r.at("/closingDraft/work/kind").asText()).isEqualToIgnoringCase("closing");
        long draftId = r.at("/closingDraft/id").asLong();
        JsonNode draft = Json.mapper().readTree(api("GET", "/api/drafts/" + draftId, null).body());
        assertThat(draft.get("ticketId").asLong()).isEqualTo(t.id());
        assertThat(draft.get("text").asText()).doesNotContain("delivery tomorrow").doesNotContain(t.token());
        assertThat(api("POST", "/api/tickets/" + t.id() + "/resolve", "{}").statusCode()).isEqualTo(409);
        HttpResponse<String> closed = api("POST", "/api/tickets/" + t.id() + "/close", "{}");
        assertThat(Json.mapper().readTree(closed.body()).get("status").asText()).isEqualTo("closed");
        assertThat(api("POST", "/api/tickets/" + t.id() + "/close", "{}").statusCode()).isEqualTo(409);
        assertThat(Json.mapper().readTree(api("GET", "/api/tickets", null).body()).findValuesAsText("reference")).doesNotContain("#" + t.id());
    }

    @Test
    @Order(7)
    void anAgentsMessageAndAssigneeHaveALimit() throws Exception {
        Ticket t = newTicket("lena", "@acmeair you lost my bag");
        HttpResponse<String> message = api("POST", "/api/tickets/" + t.id() + "/messages", "{\"body\": \"" + "m".repeat(5001) + "\"}");
        assertThat(message.statusCode()).isEqualTo(400);
        assertThat(message.body()).contains("body is 5001 characters; the limit is 5000");
        HttpResponse<String> agent = api("POST", "/api/tickets/" + t.id() + "/assign", "{\"agent\": \"" + "a".repeat(100_000) + "\"}");
        assertThat(agent.statusCode()).isEqualTo(400);
        assertThat(agent.body()).contains("the limit is 64");
        assertThat(db.tickets().messages(t.id())).filteredOn(m -> m.kind() == Ticket.Kind.AGENT).isEmpty();
        assertThat(api("POST", "/api/tickets/" + t.id() + "/messages", "{\"body\": \"" + "m".repeat(5000) + "\"}").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(7)
    void marketingCannotSeeTickets() throws Exception {
        HttpResponse<String> login = TestWeb.login(http, base, "mark", "mark-password");
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertThat(call("GET", "/api/tickets", null, "Cookie", cookie).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/tickets", null, "Cookie", cookie).statusCode()).isEqualTo(303);
        assertThat(call("GET", "/api/tickets", null).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(8)
    void theRatingLinkRatesOnceAfterResolutionAndThePrivatePageMayChangeIt() throws Exception {
        Ticket t = newTicket("ana", "@acmeair you lost my bag");
        assertThat(post("/r/" + t.ratingToken(), "rating=5").statusCode()).isEqualTo(400); // still open
        desk.resolve(t.id(), "alice");
        assertThat(post("/r/" + t.ratingToken(), "rating=9").statusCode()).isEqualTo(400);
        assertThat(call("GET", "/r/" + t.ratingToken(), null).body()).contains("How did we do with your bag?").doesNotContain("ana");
        HttpResponse<String> rated = post("/r/" + t.ratingToken(), "rating=4&comment=Fast+and+friendly");
        assertThat(rated.statusCode()).isEqualTo(303);
        assertThat(post("/r/" + t.ratingToken(), "rating=1&comment=troll").statusCode()).isEqualTo(200); // "already rated"
        Ticket stored = db.tickets().find(t.id()).orElseThrow();
        assertThat(stored.rating()).isEqualTo(4);
        assertThat(stored.ratingComment()).isEqualTo("Fast and friendly");
        assertThat(post(open(t) + "/rating", "rating=5").statusCode()).isEqualTo(303);
        assertThat(db.tickets().find(t.id()).orElseThrow().rating()).isEqualTo(5);
    }

    @Test
    @Order(9)
    void onlyAJsonTrueMakesANoteAndASlipIsRefusedRatherThanShownToTheCustomer() throws Exception {
        Ticket t = newTicket("noor", "@acmeair you lost my bag");
        String messages = "/api/tickets/" + t.id() + "/messages";
        for (String slip : List.of("\"yes\"", "\"True\"", "\"1\"", "\"on\"", "\"true\"", "1", "{}", "null")) {
            HttpResponse<String> r = api("POST", messages, "{\"body\": \"Internal: refund approved by finance\", \"note\": " + slip + "}");
            assertThat(r.statusCode()).as(slip).isEqualTo(400);
            assertThat(Json.mapper().readTree(r.body()).get("error").asText()).as(slip).contains("\"note\"");
        }
        assertThat(db.tickets().messages(t.id())).noneMatch(m -> m.body().contains("refund approved"));
        assertThat(api("POST", messages, "{\"body\": \"Internal: refund approved by finance\", \"note\": true}").statusCode()).isEqualTo(200);
        assertThat(api("POST", messages, "{\"body\": \"We have found your bag\", \"note\": false}").statusCode()).isEqualTo(200);
        assertThat(api("POST", messages, "{\"body\": \"It arrives tomorrow\"}").statusCode()).as("no note: an answer").isEqualTo(200);
        assertThat(db.tickets().messages(t.id())).filteredOn(m -> m.kind() == Ticket.Kind.NOTE).extracting(Ticket.Message::body)
                .containsExactly("Internal: refund approved by finance");
        assertThat(call("GET", open(t), null).body()).contains("We have found your bag", "It arrives tomorrow").doesNotContain("refund approved");
    }

    @Test
    @Order(10)
    void ticketFieldsOfAnotherJsonTypeAreRefusedNamingTheField() throws Exception {
        Ticket t = newTicket("ravi", "@acmeair you lost my bag");
        HttpResponse<String> number = api("POST", "/api/tickets/" + t.id() + "/messages", "{\"body\": 123}");
        assertThat(number.statusCode()).isEqualTo(400);
        assertThat(Json.mapper().readTree(number.body()).get("error").asText()).contains("\"body\"");
        assertThat(db.tickets().messages(t.id())).noneMatch(m -> m.body().equals("123"));

        String assign = "/api/tickets/" + t.id() + "/assign";
        assertThat(api("POST", assign, "{\"agent\": \"alice\"}").statusCode()).isEqualTo(200);
        for (String wrong : List.of("{\"name\": \"alice\"}", "[\"alice\"]", "7", "false")) {
            HttpResponse<String> r = api("POST", assign, "{\"agent\": " + wrong + "}");
            assertThat(r.statusCode()).as(wrong).isEqualTo(400);
            assertThat(Json.mapper().readTree(r.body()).get("error").asText()).as(wrong).contains("\"agent\"");
        }
        assertThat(db.tickets().find(t.id()).orElseThrow().assignee()).as("still assigned").isEqualTo("alice");
    }

    @Test
    @Order(100)
    void walkingThroughTokensIsStoppedPerAddress() throws Exception {
        Ticket t = newTicket("zoe", "@acmeair you lost my bag");
        int last = 0;
        for (int i = 0; i < 40 && last != 429; i++) {
            last = call("GET", "/t/guess" + i + "AAAAAAAAAAAAAAAAAAAAAA", null).statusCode();
        }
        assertThat(last).isEqualTo(429);
        // Once the address is stopped, even a real link waits: a guesser learns nothing from it.
        assertThat(call("GET", "/t/" + t.token(), null).statusCode()).isEqualTo(429);
    }

    /** A valid PNG header padded to the size wanted, so only the size is wrong. */
    static byte[] bigPng(int size) {
        byte[] b = new byte[size];
        System.arraycopy(PNG, 0, b, 0, PNG.length);
        return b;
    }
}
