package org.careloop.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.careloop.config.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint the simulator serves answers in the shapes of the official X API v2 OpenAPI
 * description: real requests to the running simulator, each request and response validated.
 */
class SimulatorConformanceTest {

    static Simulator sim;
    static OpenApiInteractionValidator validator;
    /** For clients written before X renamed tweets to posts: tweet.fields in, referenced_tweets out. */
    static OpenApiInteractionValidator legacyValidator;
    static final HttpClient http = HttpClient.newHttpClient();
    static String customerPost;
    static String customerId;

    @BeforeAll
    static void start() throws Exception {
        try (InputStream in = SimulatorConformanceTest.class.getResourceAsStream("/x-api-v2-openapi.json")) {
            String spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            validator = OpenApiInteractionValidator.createForInlineApiSpecification(spec)
                    // The simulator checks credentials itself (tested below); the validator cannot know the schemes' tokens.
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                            .build())
                    .build();
            legacyValidator = OpenApiInteractionValidator.createForInlineApiSpecification(spec)
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                            .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.IGNORE)
                            .withLevel("validation.response.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
                            .build())
                    .build();
        }
        sim = Simulator.start(new SimulatorConfig("127.0.0.1", 0, "none", null, 1));
        customerPost = post("sim:jana_k", "{\"text\":\"@acmeair my bag is lost\"}").at("/data/id").asText();
        customerId = sim.world().userByUsername("jana_k").orElseThrow().id();
        sim.world().publish(sim.world().brand().id(), "@jana_k so sorry, DM us", customerPost, null, null, "en");
        for (int i = 0; i < 12; i++) {
            post("sim:user" + i, "{\"text\":\"@acmeair question " + i + " about Acme Air\"}");
        }
    }

    @AfterAll
    static void stop() {
        sim.stop();
    }

    static JsonNode post(String bearer, String body) throws Exception {
        HttpResponse<String> r = exchange("POST", "/2/tweets", bearer, body);
        assertThat(r.statusCode()).isEqualTo(201);
        return Json.mapper().readTree(r.body());
    }

    static HttpResponse<String> exchange(String method, String pathAndQuery, String bearer, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + pathAndQuery));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Calls the simulator and validates the request and the response against the description. */
    static JsonNode conforming(String method, String pathAndQuery, String bearer, String body, int expectedStatus) throws Exception {
        return conforming(validator, method, pathAndQuery, bearer, body, expectedStatus);
    }

    static JsonNode conforming(OpenApiInteractionValidator validator, String method, String pathAndQuery, String bearer, String body,
                               int expectedStatus) throws Exception {
        HttpResponse<String> r = exchange(method, pathAndQuery, bearer, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(expectedStatus);
        SimpleRequest.Builder req = org.careloop.OpenApiRequests.of(method, pathAndQuery);
        if (body != null) {
            req.withContentType("application/json").withBody(body);
        }
        SimpleResponse.Builder resp = SimpleResponse.Builder.status(r.statusCode())
                .withContentType(r.headers().firstValue("Content-Type").orElse("application/json").split(";")[0])
                .withBody(r.body());
        ValidationReport report = validator.validate(req.build(), resp.build());
        assertThat(report.getMessages()).as(method + " " + pathAndQuery + " -> " + r.body())
                .filteredOn(m -> m.getLevel() == ValidationReport.Level.ERROR).isEmpty();
        return Json.mapper().readTree(r.body());
    }

    @Test
    void usersMe() throws Exception {
        JsonNode me = conforming("GET", "/2/users/me?user.fields=created_at,username", "sim:acmeair", null, 200);
        assertThat(me.at("/data/username").asText()).isEqualTo("acmeair");
    }

    @Test
    void userByUsernameFoundAndNotFound() throws Exception {
        assertThat(conforming("GET", "/2/users/by/username/jana_k", "sim-app-bearer", null, 200).at("/data/id").asText()).isEqualTo(customerId);
        JsonNode missing = conforming("GET", "/2/users/by/username/nobody_here", "sim-app-bearer", null, 200);
        assertThat(missing.at("/errors/0/type").asText()).endsWith("resource-not-found");
    }

    @Test
    void mentionsWithExpansionsFieldsAndPagination() throws Exception {
        String brand = sim.world().brand().id();
        String q = "/2/users/" + brand + "/mentions?max_results=5&expansions=author_id&user.fields=username,name"
                + "&post.fields=created_at,conversation_id,lang";
        JsonNode page1 = conforming("GET", q, "sim:acmeair", null, 200);
        assertThat(page1.get("data")).hasSize(5);
        assertThat(page1.at("/includes/users")).isNotEmpty();
        assertThat(page1.at("/data/0/created_at").asText()).isNotBlank();
        String next = page1.at("/meta/next_token").asText();
        JsonNode page2 = conforming("GET", q + "&pagination_token=" + next, "sim:acmeair", null, 200);
        assertThat(page2.at("/data/0/id").asLong()).isLessThan(page1.at("/meta/oldest_id").asLong());
        JsonNode since = conforming("GET", "/2/users/" + brand + "/mentions?since_id=" + page1.at("/meta/newest_id").asText(), "sim:acmeair", null, 200);
        assertThat(since.at("/meta/result_count").asInt()).isZero();
    }

    @Test
    void searchRecent() throws Exception {
        JsonNode found = conforming("GET", "/2/tweets/search/recent?query=%22acme%20air%22%20-is:retweet&max_results=10&expansions=author_id", "sim-app-bearer", null, 200);
        assertThat(found.at("/meta/result_count").asInt()).isEqualTo(10);
        assertThat(found.at("/meta/next_token").asText()).isNotBlank();
        // An invalid request (the description forbids it, so it is not validated): X's invalid-request problem.
        HttpResponse<String> bad = exchange("GET", "/2/tweets/search/recent?query=acmeair&max_results=3", "sim-app-bearer", null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Json.mapper().readTree(bad.body()).get("type").asText()).isEqualTo("https://api.x.com/2/problems/invalid-request");
    }

    @Test
    void tweetLookupFoundAndNotFound() throws Exception {
        JsonNode t = conforming("GET", "/2/tweets/" + customerPost + "?post.fields=conversation_id,lang&expansions=author_id", "sim-app-bearer", null, 200);
        assertThat(t.at("/data/text").asText()).isEqualTo("@acmeair my bag is lost");
        JsonNode missing = conforming("GET", "/2/tweets/1234567", "sim-app-bearer", null, 200);
        assertThat(missing.at("/errors/0/resource_type").asText()).isEqualTo("tweet");
    }

    @Test
    void userTimelineShowsTheBrandsRepliesInThread() throws Exception {
        JsonNode t = conforming("GET", "/2/users/" + sim.world().brand().id() + "/tweets?post.fields=conversation_id", "sim-app-bearer", null, 200);
        assertThat(t.at("/data/0/conversation_id").asText()).isEqualTo(customerPost);
        assertThat(t.at("/data/0/referenced_posts/0/type").asText()).isEqualTo("replied_to");
        assertThat(t.at("/data/0/referenced_posts/0/id").asText()).isEqualTo(customerPost);
    }

    @Test
    void preRenameClientsGetTheVocabularyTheyAskFor() throws Exception {
        String q = "/2/users/" + sim.world().brand().id() + "/tweets?tweet.fields=referenced_tweets,conversation_id,created_at";
        JsonNode t = conforming(legacyValidator, "GET", q, "sim-app-bearer", null, 200);
        assertThat(t.at("/data/0/referenced_tweets/0/type").asText()).isEqualTo("replied_to");
        assertThat(t.at("/data/0/edit_history_tweet_ids/0").asText()).isEqualTo(t.at("/data/0/id").asText());
        assertThat(t.at("/data/0/referenced_posts").isMissingNode()).isTrue();
    }

    @Test
    void createPostAsAReply() throws Exception {
        JsonNode created = conforming("POST", "/2/tweets", "sim:priya",
                "{\"text\":\"@acmeair same here\",\"reply\":{\"in_reply_to_tweet_id\":\"" + customerPost + "\"}}", 201);
        assertThat(sim.world().post(created.at("/data/id").asText()).orElseThrow().inReplyToId()).isEqualTo(customerPost);
    }

    @Test
    void wrongCredentialsGetTheApis401() throws Exception {
        JsonNode body = conforming("GET", "/2/users/me", "not-a-token", null, 401);
        assertThat(body.get("code").asInt()).isEqualTo(32);
        HttpResponse<String> none = exchange("GET", "/2/users/me", null, null);
        assertThat(none.statusCode()).isEqualTo(401);
        HttpResponse<String> app = exchange("GET", "/2/users/me", "sim-app-bearer", null);
        assertThat(app.statusCode()).isEqualTo(403);
    }

    @Test
    void rateLimitHeadersAnd429() throws Exception {
        HttpResponse<String> ok = exchange("GET", "/2/users/by/username/jana_k", "sim:limits", null);
        assertThat(ok.headers().firstValue("x-rate-limit-limit")).isPresent();
        assertThat(ok.headers().firstValue("x-rate-limit-remaining")).isPresent();
        assertThat(Long.parseLong(ok.headers().firstValue("x-rate-limit-reset").orElseThrow())).isGreaterThan(System.currentTimeMillis() / 1000);
        HttpResponse<String> set = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/sim/faults"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"endpoint\":\"GET /2/tweets/:id\",\"rateLimit\":1}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(set.statusCode()).isEqualTo(200);
        conforming("GET", "/2/tweets/" + customerPost, "sim:limited", null, 200);
        JsonNode tooMany = conforming("GET", "/2/tweets/" + customerPost, "sim:limited", null, 429);
        assertThat(tooMany.get("code").asInt()).isEqualTo(88);
        assertThat(exchange("GET", "/2/tweets/" + customerPost, "sim:limited", null).headers().firstValue("x-rate-limit-remaining")).contains("0");
    }

    @Test
    void anInjected429BurstAnswersLikeXWithAResetSoon() throws Exception {
        HttpResponse<String> set = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/sim/faults"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"endpoint\":\"POST /2/tweets\",\"status\":429,\"times\":2,\"resetInSeconds\":5}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(set.statusCode()).isEqualTo(200);
        long now = System.currentTimeMillis() / 1000;
        HttpResponse<String> first = exchange("POST", "/2/tweets", "sim:burst", "{\"text\":\"@acmeair burst\"}");
        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(first.headers().firstValue("x-rate-limit-reset").orElseThrow())).isBetween(now + 5, now + 7);
        assertThat(first.headers().firstValue("x-rate-limit-remaining")).contains("0");
        JsonNode second = conforming("POST", "/2/tweets", "sim:burst", "{\"text\":\"@acmeair burst\"}", 429);
        assertThat(second.get("code").asInt()).isEqualTo(88);
        // The burst is over: the post goes through.
        conforming("POST", "/2/tweets", "sim:burst", "{\"text\":\"@acmeair burst\"}", 201);
    }

    @Test
    void everythingTheBrandPublishedIsQueryable() throws Exception {
        HttpResponse<String> r = exchange("GET", "/sim/published", null, null);
        JsonNode list = Json.mapper().readTree(r.body());
        assertThat(list).isNotEmpty();
        assertThat(list.get(0).get("author_id").asText()).isEqualTo(sim.world().brand().id());
        assertThat(list.get(0).at("/referenced_tweets/0/id").asText()).isEqualTo(customerPost);
    }
}
