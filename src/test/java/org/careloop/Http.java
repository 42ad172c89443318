package org.careloop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.careloop.config.Json;

/** A small HTTP client for the end-to-end tests: JSON in and out, status checked. */
final class Http {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    JsonNode getJson(String url, String bearer, int expectedStatus) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer).GET(), expectedStatus);
    }

    JsonNode postJson(String url, String bearer, String body, int expectedStatus) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)), expectedStatus);
    }

    int status(String url) throws IOException, InterruptedException {
        return get(url).statusCode();
    }

    /** A GET's whole answer, headers included. */
    HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET with a bearer token, whatever it answers (a feed, a CSV file). */
    HttpResponse<String> get(String url, String bearer) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer).timeout(Duration.ofSeconds(15))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts on the simulated X as a customer ({@code sim:<handle>} bearer), as any X client could. */
    String postTweet(String simulatorUrl, String bearer, String text, String inReplyTo) throws IOException, InterruptedException {
        ObjectNode body = Json.mapper().createObjectNode().put("text", text);
        if (inReplyTo != null) {
            body.putObject("reply").put("in_reply_to_tweet_id", inReplyTo);
        }
        return postJson(simulatorUrl + "/2/tweets", bearer, body.toString(), 201).at("/data/id").asText();
    }

    /** The draft (any status) answering a post, or null. */
    JsonNode findDraftFor(String api, String token, String postId) throws IOException, InterruptedException {
        for (JsonNode d : getJson(api + "/api/drafts?status=all", token, 200)) {
            if (postId.equals(d.at("/mention/id").asText())) {
                return d;
            }
        }
        return null;
    }

    /** Polls until {@code probe} returns non-null, failing with {@code what} after {@code timeout}. */
    <T> T await(Duration timeout, String what, Callable<T> probe) {
        return org.awaitility.Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(250)).until(probe, java.util.Objects::nonNull);
    }

    private JsonNode send(HttpRequest.Builder request, int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new AssertionError(request.build().method() + " " + request.build().uri() + " answered "
                    + response.statusCode() + " (expected " + expectedStatus + "): " + response.body());
        }
        return response.body().isEmpty() ? Json.mapper().nullNode() : Json.mapper().readTree(response.body());
    }
}
