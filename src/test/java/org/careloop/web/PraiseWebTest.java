package org.careloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.careloop.analysis.Analysis;
import org.careloop.analysis.Sentiment;
import org.careloop.care.Draft;
import org.careloop.care.DraftStatus;
import org.careloop.config.Json;
import org.careloop.marketing.Praise;
import org.careloop.platform.Author;
import org.careloop.platform.Connections;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.careloop.store.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The praise feed over real HTTP: JSON paging and filters, Atom read back by Rome, CSV by Commons CSV, who may read it. */
class PraiseWebTest {

    static final String TOKEN = "praise-api-token";
    static final String FEED_TOKEN = "praise-feed-token";
    static final String API = "Bearer " + TOKEN;
    static final AtomicInteger IDS = new AtomicInteger(7000);
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    static Database db;
    static TestWeb.Server server;
    /** Posted on 2026-11-01 .. 2026-11-07, one a day at noon UTC; Facebook on the 3rd; scores 0.1 .. 0.7. */
    static final List<Mention> week = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        db = Database.open("jdbc:h2:mem:praiseweb;DB_CLOSE_DELAY=-1", "sa", "");
        db.users().save(new UserStore.User("agent", Sessions.hash("agent-password"), UserStore.Role.AGENT));
        db.users().save(new UserStore.User("mark", Sessions.hash("mark-password"), UserStore.Role.MARKETING));
        Clock clock = Clock.systemUTC();
        WebEndpoints web = TestWeb.endpoints(db, new Connections(), clock, db::ping, Optional.of(TOKEN));
        server = TestWeb.serve(db, web, TestWeb.praise(db, web, clock, Optional.of(FEED_TOKEN)), TestWeb.moderation(db, web, new Connections()));
        String[] texts = {"Thank you @acmeair, crew was great", "Lovely flight, \"best\" seat, ever", "Спасибо за рейс, всё было отлично",
            "Multi\nline\npraise, with commas", "=HYPERLINK(\"http://evil\") thanks", "شكراً على الرحلة الرائعة", "@acmeair 10/10 🙌 <b>wow</b>"};
        for (int d = 0; d < 7; d++) {
            Platform platform = d == 2 ? Platform.FACEBOOK : Platform.X;
            Mention m = mention(platform, Instant.parse("2026-11-0" + (d + 1) + "T12:00:00Z"), texts[d]);
            db.praise().add(platform, m.id(), (d + 1) / 10.0, Praise.Source.ANALYSIS, null);
            week.add(m);
        }
    }

    @AfterAll
    static void stop() {
        server.camel().stop();
        db.close();
    }

    static Mention mention(Platform platform, Instant at, String text) {
        String id = String.valueOf(IDS.incrementAndGet());
        Mention m = new Mention(platform, "brand", id, new Author("a" + id, "fan_" + id, "Fan, \"the\" " + id), text, "en", at, id, null,
                "https://x.com/fan_" + id + "/status/" + id, false, false);
        db.mentions().insertIfNew(m);
        return m;
    }

    static HttpResponse<String> call(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path)).method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> get(String path) throws Exception {
        return call("GET", path, "Authorization", API);
    }

    static List<String> postIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("postId").asText()));
        return ids;
    }

    static List<String> ids(int... days) {
        List<String> out = new ArrayList<>();
        for (int d : days) {
            out.add(week.get(d - 1).id());
        }
        return out;
    }

    static String login(String user, String password) throws Exception {
        HttpResponse<String> r = TestWeb.login(http, server.base(), user, password);
        assertThat(r.statusCode()).isEqualTo(303);
        return r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    static final String WEEK = "from=2026-11-01&to=2026-11-07";

    // ---- JSON

    @Test
    void jsonItemsCarryAuthorTextPermalinkScorePlatformAndTime() throws Exception {
        HttpResponse<String> r = get("/api/praise?" + WEEK + "&platform=facebook");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode item = Json.mapper().readTree(r.body()).get("items").get(0);
        Mention m = week.get(2);
        assertThat(item.at("/author/handle").asText()).isEqualTo(m.author().handle());
        assertThat(item.at("/author/name").asText()).isEqualTo(m.author().name());
        assertThat(item.get("text").asText()).isEqualTo("Спасибо за рейс, всё было отлично");
        assertThat(item.get("permalink").asText()).isEqualTo(m.permalink());
        assertThat(item.get("score").asDouble()).isEqualTo(0.3);
        assertThat(item.get("platform").asText()).isEqualTo("facebook");
        assertThat(item.get("postedAt").asText()).isEqualTo("2026-11-03T12:00:00Z");
        assertThat(item.get("addedAt").asText()).endsWith("Z");
        assertThat(item.get("source").asText()).isEqualTo("analysis");
    }

    @Test
    void jsonPagesFollowTheNextLinkWithoutGapsOrRepeats() throws Exception {
        String september = "from=2026-09-01&to=2026-09-30";
        List<String> posted = new ArrayList<>();
        for (int d = 1; d <= 5; d++) {
            Mention m = mention(Platform.X, Instant.parse("2026-09-0" + d + "T08:00:00Z"), "september praise " + d);
            db.praise().add(Platform.X, m.id(), 0.5, Praise.Source.ANALYSIS, null);
            posted.add(0, m.id());
        }
        JsonNode first = Json.mapper().readTree(get("/api/praise?" + september + "&limit=2").body());
        assertThat(postIds(first)).containsExactlyElementsOf(posted.subList(0, 2));
        assertThat(first.get("next").asText()).startsWith("/api/praise?").contains("from=2026-09-01").contains("limit=2")
                .endsWith("cursor=" + first.get("nextCursor").asText());
        // an item added meanwhile is newer: it does not shift the pages already handed out
        Mention late = mention(Platform.X, Instant.parse("2026-09-04T15:00:00Z"), "late praise");
        db.praise().add(Platform.X, late.id(), 0.5, Praise.Source.AGENT, "agent");
        JsonNode second = Json.mapper().readTree(get(first.get("next").asText()).body());
        assertThat(postIds(second)).containsExactlyElementsOf(posted.subList(2, 4));
        JsonNode third = Json.mapper().readTree(get(second.get("next").asText()).body());
        assertThat(postIds(third)).containsExactlyElementsOf(posted.subList(4, 5));
        assertThat(third.get("next").isNull()).isTrue();
        assertThat(third.get("nextCursor").isNull()).isTrue();
        assertThat(postIds(Json.mapper().readTree(get("/api/praise?" + september + "&limit=1").body()))).containsExactly(late.id());
    }

    @Test
    void eachFilterNarrowsTheList() throws Exception {
        assertThat(postIds(Json.mapper().readTree(get("/api/praise?" + WEEK + "&platform=x").body()))).doesNotContain(week.get(2).id())
                .containsAll(ids(1, 2, 4, 5, 6, 7));
        assertThat(postIds(Json.mapper().readTree(get("/api/praise?" + WEEK + "&minScore=0.55").body()))).containsExactlyElementsOf(ids(7, 6));
        assertThat(postIds(Json.mapper().readTree(get("/api/praise?from=2026-11-02&to=2026-11-03").body()))).containsExactlyElementsOf(ids(3, 2));
        assertThat(postIds(Json.mapper().readTree(get("/api/praise?from=2026-11-02T12:00:00Z&to=2026-11-03T12:00:00Z").body())))
                .containsExactlyElementsOf(ids(2));
        assertThat(postIds(Json.mapper().readTree(get("/api/praise?" + WEEK + "&platform=X&minScore=0.35&limit=2").body())))
                .containsExactlyElementsOf(ids(7, 6));
    }

    @Test
    void badParametersAnswer400SayingWhich() throws Exception {
        String[][] cases = {{"platform=myspace", "platform must be one of x, facebook, instagram"}, {"from=yesterday", "from must be a date"},
            {"to=2026-13-01", "to must be a date"}, {"from=2026-11-05&to=2026-11-01", "must be before"},
            {"minScore=high", "minScore must be a number from -1 to 1"}, {"minScore=2", "minScore must be a number from -1 to 1"},
            {"limit=0", "limit must be a number from 1 to 500"}, {"limit=501", "limit must be a number from 1 to 500"},
            {"cursor=abc", "cursor must be the nextCursor"}, {"cursor=-4", "cursor must be the nextCursor"}};
        for (String[] c : cases) {
            HttpResponse<String> r = get("/api/praise?" + c[0]);
            assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(Json.mapper().readTree(r.body()).get("error").asText()).as(c[0]).contains(c[1]);
        }
        assertThat(get("/feeds/praise.atom?platform=myspace").statusCode()).isEqualTo(400);
        assertThat(get("/api/praise.csv?minScore=x").statusCode()).isEqualTo(400);
    }

    // ---- Atom

    @Test
    void theAtomFeedIsValidAtomWithAnEntryPerItem() throws Exception {
        HttpResponse<String> r = get("/feeds/praise.atom?" + WEEK);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
        Feed feed = (Feed) new WireFeedInput().build(new StringReader(r.body()));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getId()).isEqualTo("tag:care.example.com,2026:careloop/praise");
        assertThat(feed.getTitleEx().getValue()).isEqualTo("Acme Air: praise");
        assertThat(feed.getUpdated()).isNotNull();
        Link self = feed.getOtherLinks().stream().filter(l -> "self".equals(l.getRel())).findFirst().orElseThrow();
        assertThat(self.getHref()).isEqualTo("http://care.example.com/feeds/praise.atom?" + WEEK);
        assertThat(feed.getEntries()).hasSize(7);
        for (int i = 0; i < 7; i++) {
            Entry e = feed.getEntries().get(i);
            Mention m = week.get(6 - i);
            assertThat(e.getId()).isEqualTo("tag:care.example.com,2026:careloop/praise/" + m.platform().id() + "/" + m.id());
            assertThat(e.getTitle()).isNotBlank();
            assertThat(e.getAuthors().get(0).getName()).isEqualTo(m.author().name());
            assertThat(e.getAlternateLinks().get(0).getHref()).isEqualTo(m.permalink());
            assertThat(e.getUpdated()).isNotNull();
            assertThat(e.getPublished().toInstant()).isEqualTo(m.createdAt());
            assertThat(e.getContents().get(0).getValue()).isEqualTo(m.text());
        }
        // the same document through Rome's format-neutral reader, as a feed reader would take it
        SyndFeed synd = new SyndFeedInput().build(new StringReader(r.body()));
        assertThat(synd.getEntries()).extracting(e -> e.getLink()).containsExactlyElementsOf(ids(7, 6, 5, 4, 3, 2, 1).stream().map(id -> "https://x.com/fan_" + id + "/status/" + id).toList());
        // ids are stable: the next read gives each post the same id
        Feed again = (Feed) new WireFeedInput().build(new StringReader(get("/feeds/praise.atom?" + WEEK).body()));
        assertThat(again.getEntries()).extracting(Entry::getId).containsExactlyElementsOf(feed.getEntries().stream().map(Entry::getId).toList());
    }

    @Test
    void controlCharactersInAPostDoNotBreakTheFeed() throws Exception {
        Mention odd = mention(Platform.X, Instant.parse("2026-10-15T08:00:00Z"), "thanks\u0000\u0007 for\u200b the \u202eupgrade\uFFFF");
        db.praise().add(Platform.X, odd.id(), 0.8, Praise.Source.ANALYSIS, null);
        HttpResponse<String> r = get("/feeds/praise.atom?from=2026-10-15&to=2026-10-15");
        Feed feed = (Feed) new WireFeedInput().build(new StringReader(r.body()));
        assertThat(feed.getEntries().get(0).getContents().get(0).getValue()).isEqualTo("thanks for\u200b the \u202eupgrade");
    }

    @Test
    void controlCharactersInAnAuthorAndPermalinkDoNotBreakTheFeed() throws Exception {
        // The permalink is made from the handle: one control character in either made the whole feed answer 500.
        String handle = "m3\u00ad\r\nX-Injected: 1\u0000\uFFFF";
        Mention odd = new Mention(Platform.X, "brand", "90001", new Author("90001", handle, "Fan\u0007"), "thanks for the upgrade", "en",
                Instant.parse("2026-10-16T08:00:00Z"), "90001", null, "https://x.com/" + handle + "/status/90001", false, false);
        db.mentions().insertIfNew(odd);
        db.praise().add(Platform.X, odd.id(), 0.8, Praise.Source.ANALYSIS, null);
        HttpResponse<String> r = get("/feeds/praise.atom?from=2026-10-16&to=2026-10-16");
        assertThat(r.statusCode()).isEqualTo(200);
        Feed feed = (Feed) new WireFeedInput().build(new StringReader(r.body()));
        assertThat(feed.getEntries()).hasSize(1);
        assertThat(((com.rometools.rome.feed.atom.Link) feed.getEntries().get(0).getAlternateLinks().get(0)).getHref())
                .isEqualTo("https://x.com/m3\u00ad\r\nX-Injected: 1/status/90001");
    }

    // ---- CSV

    @Test
    void csvHasAHeaderQuotesWhatNeedsItAndKeepsNonLatinText() throws Exception {
        HttpResponse<String> r = get("/api/praise.csv?" + WEEK);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv").contains("charset=utf-8");
        assertThat(r.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment; filename=\"praise-");
        assertThat(r.body()).startsWith("\uFEFF");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(r.body().substring(1))).getRecords();
        assertThat(rows).hasSize(7);
        CSVRecord quoted = rows.get(5);
        assertThat(quoted.get("text")).isEqualTo("Lovely flight, \"best\" seat, ever");
        assertThat(quoted.get("author_name")).isEqualTo(week.get(1).author().name());
        assertThat(rows.get(3).get("text")).isEqualTo("Multi\nline\npraise, with commas");
        assertThat(rows.get(4).get("text")).isEqualTo("Спасибо за рейс, всё было отлично");
        assertThat(rows.get(4).get("platform")).isEqualTo("facebook");
        assertThat(rows.get(1).get("text")).isEqualTo("شكراً على الرحلة الرائعة");
        // a post a spreadsheet would run as a formula is kept as text
        assertThat(rows.get(2).get("text")).isEqualTo("'=HYPERLINK(\"http://evil\") thanks");
        assertThat(rows.get(0).get("text")).isEqualTo("'@acmeair 10/10 🙌 <b>wow</b>");
        CSVRecord first = rows.get(6);
        assertThat(first.get("permalink")).isEqualTo(week.get(0).permalink());
        assertThat(first.get("score")).isEqualTo("0.100");
        assertThat(first.get("posted_at")).isEqualTo("2026-11-01T12:00:00Z");
        assertThat(first.get("author_handle")).isEqualTo(week.get(0).author().handle());
        assertThat(rows.stream().map(x -> x.get("id")).distinct()).hasSize(7);
        var filtered = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(get("/api/praise.csv?" + WEEK + "&platform=facebook").body().substring(1))).getRecords();
        assertThat(filtered).extracting(x -> x.get("text")).containsExactly("Спасибо за рейс, всё было отлично");
    }

    // ---- who may read and share

    @Test
    void feedReadersUseTheFeedTokenInTheUrlOnlyForTheFeedAndTheExport() throws Exception {
        assertThat(call("GET", "/feeds/praise.atom").statusCode()).isEqualTo(401);
        assertThat(call("GET", "/feeds/praise.atom?token=" + FEED_TOKEN).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/praise.csv?token=" + FEED_TOKEN).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/feeds/praise.atom?token=wrong").statusCode()).isEqualTo(401);
        // the full API token never works from a URL, and the feed token opens nothing but the praise reads
        assertThat(call("GET", "/feeds/praise.atom?token=" + TOKEN).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/praise?token=" + FEED_TOKEN).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/praise", "Authorization", "Bearer " + FEED_TOKEN).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/drafts", "Authorization", "Bearer " + FEED_TOKEN).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/drafts?token=" + FEED_TOKEN).statusCode()).isEqualTo(401);
        assertThat(call("POST", "/api/drafts/1/share", "Authorization", "Bearer " + FEED_TOKEN).statusCode()).isEqualTo(401);
        // the self link never repeats the token
        assertThat(call("GET", "/feeds/praise.atom?token=" + FEED_TOKEN).body()).doesNotContain(FEED_TOKEN);
    }

    @Test
    void marketingReadsPraiseAndNothingElse() throws Exception {
        String cookie = login("mark", "mark-password");
        assertThat(call("GET", "/api/praise", "Cookie", cookie).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/feeds/praise.atom", "Cookie", cookie).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/praise.csv", "Cookie", cookie).statusCode()).isEqualTo(200);
        for (String path : List.of("/api/drafts", "/api/drafts/1", "/api/status", "/api/reports", "/api/accounts", "/api/ignored", "/api/alerts")) {
            assertThat(call("GET", path, "Cookie", cookie).statusCode()).as(path).isEqualTo(403);
        }
        String csrf = csrf(cookie);
        long draft = draft(week.get(0));
        assertThat(call("POST", "/api/drafts/" + draft + "/share", "Cookie", cookie, "X-CSRF-Token", csrf).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/drafts/" + draft + "/approve", "Cookie", cookie, "X-CSRF-Token", csrf).statusCode()).isEqualTo(403);
        String page = call("GET", "/", "Cookie", cookie).body();
        assertThat(page).contains("id=\"praise-view\"").contains("/assets/praise.js").doesNotContain("/assets/console.js")
                .doesNotContain("Waiting for approval");
        String agentPage = call("GET", "/", "Cookie", login("agent", "agent-password")).body();
        assertThat(agentPage).contains("Waiting for approval").contains("/assets/console.js").contains("id=\"praise-view\"");
    }

    @Test
    void agentsShareADraftsPostOnceAndSeePraise() throws Exception {
        Mention m = mention(Platform.X, Instant.parse("2026-10-20T09:00:00Z"), "@acmeair the pilot sang happy birthday to my daughter");
        long draft = draft(m);
        String cookie = login("agent", "agent-password");
        assertThat(call("POST", "/api/drafts/" + draft + "/share", "Cookie", cookie).statusCode()).isEqualTo(403);
        HttpResponse<String> shared = call("POST", "/api/drafts/" + draft + "/share", "Cookie", cookie, "X-CSRF-Token", csrf(cookie));
        assertThat(shared.statusCode()).isEqualTo(200);
        JsonNode body = Json.mapper().readTree(shared.body());
        assertThat(body.get("added").asBoolean()).isTrue();
        assertThat(body.at("/item/source").asText()).isEqualTo("agent");
        assertThat(body.at("/item/addedBy").asText()).isEqualTo("agent");
        assertThat(body.at("/item/score").asDouble()).isEqualTo(0.6);
        JsonNode again = Json.mapper().readTree(call("POST", "/api/drafts/" + draft + "/share", "Authorization", API).body());
        assertThat(again.get("added").asBoolean()).isFalse();
        assertThat(postIds(Json.mapper().readTree(call("GET", "/api/praise?from=2026-10-20&to=2026-10-20", "Cookie", cookie).body())))
                .containsExactly(m.id());
        assertThat(call("POST", "/api/drafts/999999/share", "Authorization", API).statusCode()).isEqualTo(404);
    }

    static long draft(Mention m) {
        return db.drafts().create(new Draft(0, m, new Analysis("en", new Sentiment(Sentiment.Label.POSITIVE, 0.6, 0.8), List.of()),
                "praise", "thanks", "Thank you!", DraftStatus.PENDING, Instant.now(), Instant.now().plus(Duration.ofMinutes(10)), null, null, null, null))
                .id();
    }

    static String csrf(String cookie) throws Exception {
        String page = call("GET", "/", "Cookie", cookie).body();
        int i = page.indexOf("name=\"csrf-token\" content=\"");
        return page.substring(i + 27, page.indexOf('"', i + 27));
    }
}
