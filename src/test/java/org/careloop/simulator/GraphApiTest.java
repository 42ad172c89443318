package org.careloop.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.careloop.config.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator's Graph API in the platform's raw shapes, over HTTP without a client library in between. */
class GraphApiTest {

    static final String PAGE_TOKEN = "sim-page-acmeair";
    Simulator sim;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        sim = Simulator.start(new SimulatorConfig("127.0.0.1", 0, "none", null, 1));
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    HttpResponse<String> get(String pathAndQuery, String token) throws Exception {
        String sep = pathAndQuery.contains("?") ? "&" : "?";
        return http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + pathAndQuery + sep + "access_token=" + enc(token))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return Json.mapper().readTree(r.body());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void customersPostAndCommentThroughTheApiAndPagesComeBackWithCursorsAndAnAbsoluteNext() throws Exception {
        String page = sim.graph().page().id();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = post("/v24.0/" + page + "/feed", "message=post+" + i + "&access_token=sim:jana_k");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(json(r).get("id").asText()).startsWith(page + "_");
        }
        HttpResponse<String> first = get("/v24.0/" + page + "/feed?fields=id,message,from%7Bid,name%7D,permalink_url&limit=2", PAGE_TOKEN);
        JsonNode body = json(first);
        assertThat(body.get("data")).hasSize(2);
        assertThat(body.at("/data/0/message").asText()).isEqualTo("post 2");
        assertThat(body.at("/data/0/from/name").asText()).isEqualTo("jana_k");
        assertThat(body.at("/data/0/created_time").isMissingNode()).as("only the fields asked for").isTrue();
        assertThat(body.at("/paging/cursors/before").asText()).isNotBlank();
        String next = body.at("/paging/next").asText();
        assertThat(next).startsWith(sim.baseUrl() + "/v24.0/" + page + "/feed?").contains("after=").contains("limit=2");
        JsonNode second = Json.mapper().readTree(http.send(HttpRequest.newBuilder(URI.create(next)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(second.get("data")).hasSize(1);
        assertThat(second.at("/paging/next").isMissingNode()).isTrue();
        assertThat(first.headers().firstValue("X-App-Usage")).hasValueSatisfying(v -> assertThat(v).contains("call_count"));
        assertThat(first.headers().firstValue("X-Business-Use-Case-Usage")).hasValueSatisfying(v -> assertThat(v).contains(page, "pages"));
        assertThat(get("/v21.0/me", PAGE_TOKEN).statusCode()).as("other versions too").isEqualTo(200);
    }

    @Test
    void errorsAreGraphErrorObjects() throws Exception {
        HttpResponse<String> bad = get("/v24.0/me", "not-a-token");
        assertThat(bad.statusCode()).isEqualTo(400);
        JsonNode e = json(bad).get("error");
        assertThat(e.get("type").asText()).isEqualTo("OAuthException");
        assertThat(e.get("code").asInt()).isEqualTo(190);
        assertThat(e.get("message").asText()).isNotBlank();
        assertThat(e.get("fbtrace_id").asText()).isNotBlank();
        JsonNode missing = json(get("/v24.0/12345/comments", PAGE_TOKEN)).get("error");
        assertThat(missing.get("code").asInt()).isEqualTo(100);
        assertThat(missing.get("error_subcode").asInt()).isEqualTo(33);
        assertThat(missing.get("type").asText()).isEqualTo("GraphMethodException");
        http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/sim/faults")).POST(HttpRequest.BodyPublishers.ofString(
                "{\"endpoint\": \"GET /me\", \"status\": 400, \"code\": 613}")).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode limited = json(get("/v24.0/me", PAGE_TOKEN)).get("error");
        assertThat(limited.get("code").asInt()).isEqualTo(613);
        assertThat(limited.get("is_transient").asBoolean()).isTrue();
    }

    @Test
    void listsTheAccountsWithTheirIds() throws Exception {
        JsonNode a = Json.mapper().readTree(http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/api/accounts")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(a.at("/x/username").asText()).isEqualTo("acmeair");
        assertThat(a.at("/facebook/id").asText()).isEqualTo(sim.graph().page().id());
        assertThat(a.at("/instagram/id").asText()).isEqualTo(sim.graph().instagram().id());
        assertThat(a.at("/instagram/pageId").asText()).isEqualTo(sim.graph().page().id());
    }

    @Test
    void scenarioPostsNameTheirPlatform(@TempDir Path dir) throws Exception {
        Path ok = dir.resolve("ok.yaml");
        Files.writeString(ok, """
                brand: { handle: acmeair, name: Acme Air }
                users: []
                posts:
                  - { key: m, platform: instagram, author: acmeair, text: "photo" }
                  - { key: c, platform: instagram, author: jana, reply_to: m, text: "nice" }
                  - { key: p, platform: facebook, author: jana, text: "visitor post" }
                """);
        assertThat(Scenario.load(ok.toString()).posts()).hasSize(3);
        Path cross = dir.resolve("cross.yaml");
        Files.writeString(cross, """
                brand: { handle: acmeair, name: Acme Air }
                users: []
                posts:
                  - { key: p, platform: facebook, author: jana, text: "visitor post" }
                  - { key: r, author: jana, reply_to: p, text: "on X" }
                """);
        assertThatThrownBy(() -> Scenario.load(cross.toString())).hasMessageContaining("on x refers to 'p', which is on facebook");
        Path unknown = dir.resolve("unknown.yaml");
        Files.writeString(unknown, "brand: { handle: a, name: A }\nusers: []\nposts:\n  - { platform: myspace, author: a, text: t }\n");
        assertThatThrownBy(() -> Scenario.load(unknown.toString())).hasMessageContaining("platform 'myspace'");
    }
}
