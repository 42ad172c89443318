package org.careloop.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.careloop.config.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How far back X lets a client read: recent search covers 7 days and refuses a since_id or
 * start_time before them; the mentions timeline reaches only the 800 newest mentions.
 */
class XApiReachTest {

    static final Instant NOW = Instant.parse("2026-11-20T10:00:30Z");

    Simulator sim;
    XWorld.User ben;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        sim = Simulator.start(new SimulatorConfig("127.0.0.1", 0, "none", null, 1), Clock.fixed(NOW, ZoneOffset.UTC));
        ben = sim.world().userOrCreate("ben", "Ben");
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    HttpResponse<String> get(String pathAndQuery, String bearer) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + pathAndQuery)).header("Authorization", "Bearer " + bearer).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> search(String params) throws Exception {
        return get("/2/tweets/search/recent?query=" + URLEncoder.encode("\"acme air\"", StandardCharsets.UTF_8) + "&max_results=100" + params,
                "sim-app-bearer");
    }

    static List<String> ids(HttpResponse<String> r) throws Exception {
        List<String> out = new ArrayList<>();
        Json.mapper().readTree(r.body()).path("data").forEach(p -> out.add(p.get("id").asText()));
        return out;
    }

    @Test
    void searchRefusesASinceIdFromMoreThanSevenDaysAgoAsXDoes() throws Exception {
        String old = sim.world().publishAt(NOW.minus(Duration.ofDays(8)), ben.id(), "Acme Air lost my bag last week").id();
        HttpResponse<String> r = search("&since_id=" + old);

        // Field by field: the API description's problem schema has no room for the errors array X sends with it.
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode body = Json.mapper().readTree(r.body());
        assertThat(body.at("/errors/0/parameters/since_id/0").asText()).isEqualTo(old);
        // Seven days before 10:00:30, rounded up to the minute as X words it.
        assertThat(body.at("/errors/0/message").asText()).isEqualTo("Invalid 'since_id':'" + old + "'. 'since_id' must be a tweet id created after "
                + "2026-11-13T10:01Z. Please use a 'since_id' that is larger than " + XWorld.firstIdAt(Instant.parse("2026-11-13T10:01:00Z")));
        assertThat(body.get("title").asText()).isEqualTo("Invalid Request");
        assertThat(body.get("detail").asText()).isEqualTo("One or more parameters to your request was invalid.");
        assertThat(body.get("type").asText()).isEqualTo("https://api.x.com/2/problems/invalid-request");

        // Any id of that time is refused, a post or not; the id X names is accepted.
        assertThat(search("&since_id=" + XWorld.firstIdAt(NOW.minus(Duration.ofDays(7)).minusSeconds(1))).statusCode()).isEqualTo(400);
        assertThat(search("&since_id=" + XWorld.firstIdAt(Instant.parse("2026-11-13T10:01:00Z"))).statusCode()).isEqualTo(200);
    }

    @Test
    void searchRefusesAnOldStartTimeAndASinceIdWithAStartTime() throws Exception {
        HttpResponse<String> old = search("&start_time=2026-11-13T09:00:00Z");
        assertThat(old.statusCode()).isEqualTo(400);
        JsonNode body = Json.mapper().readTree(old.body());
        assertThat(body.at("/errors/0/parameters/start_time/0").asText()).isEqualTo("2026-11-13T09:00:00Z");
        assertThat(body.at("/errors/0/message").asText())
                .isEqualTo("Invalid 'start_time':'2026-11-13T09:00:00Z'. 'start_time' must be on or after 2026-11-13T10:01Z");

        HttpResponse<String> both = search("&start_time=2026-11-19T00:00:00Z&since_id=" + XWorld.firstIdAt(NOW.minusSeconds(60)));
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(Json.mapper().readTree(both.body()).at("/errors/0/message").asText()).contains("`start_time`, `since_id`");
    }

    @Test
    void searchFindsOnlyTheLastSevenDaysAndHonoursStartAndEndTime() throws Exception {
        sim.world().publishAt(NOW.minus(Duration.ofDays(8)), ben.id(), "Acme Air, week-old news");
        String sixDays = sim.world().publishAt(NOW.minus(Duration.ofDays(6)), ben.id(), "Acme Air six days ago").id();
        String hourAgo = sim.world().publishAt(NOW.minus(Duration.ofHours(1)), ben.id(), "Acme Air an hour ago").id();
        String now = sim.world().publish(ben.id(), "Acme Air right now", null, null, null, null).id();

        assertThat(ids(search(""))).containsExactly(now, hourAgo, sixDays);
        assertThat(ids(search("&start_time=2026-11-20T09:00:00Z"))).containsExactly(now, hourAgo);
        assertThat(ids(search("&start_time=2026-11-14T00:00:00Z&end_time=2026-11-20T09:30:00Z"))).containsExactly(hourAgo, sixDays);
        assertThat(ids(search("&since_id=" + sixDays))).containsExactly(now, hourAgo);
    }

    @Test
    void theMentionsTimelineReachesOnlyTheEightHundredNewest() throws Exception {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            made.add(sim.world().publish(ben.id(), "@acmeair question " + i, null, null, null, null).id());
        }
        String brand = sim.world().brand().id();
        List<String> read = new ArrayList<>();
        String token = null;
        do {
            HttpResponse<String> r = get("/2/users/" + brand + "/mentions?max_results=100&since_id=" + made.get(0)
                    + (token == null ? "" : "&pagination_token=" + token), "sim:acmeair");
            assertThat(r.statusCode()).isEqualTo(200);
            read.addAll(ids(r));
            token = Json.mapper().readTree(r.body()).at("/meta/next_token").asText(null);
        } while (token != null);

        List<String> newest = new ArrayList<>(made.subList(200, 1000));
        java.util.Collections.reverse(newest);
        assertThat(read).containsExactlyElementsOf(newest);
        // Search still reaches them.
        HttpResponse<String> older = get("/2/tweets/search/recent?query=%40acmeair&max_results=100&until_id=" + made.get(200), "sim-app-bearer");
        assertThat(Json.mapper().readTree(older.body()).at("/meta/result_count").asInt()).isEqualTo(100);
    }

    @Test
    void aPostHeldFromSearchIsFoundOnlyOnceIndexed() throws Exception {
        String late = sim.world().publish(ben.id(), "@acmeair Acme Air, where is my bag?", null, null, null, null).id();
        sim.world().holdFromSearch(late);
        String later = sim.world().publish(ben.id(), "Acme Air again", null, null, null, null).id();

        assertThat(ids(search(""))).containsExactly(later);
        assertThat(ids(get("/2/users/" + sim.world().brand().id() + "/mentions", "sim:acmeair"))).containsExactly(late);
        sim.world().indexForSearch(late);
        assertThat(ids(search(""))).containsExactly(later, late);
    }
}
