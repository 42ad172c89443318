package org.careloop.care;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.careloop.config.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells another system about an event (an SLA breach): a JSON POST, retried a few times with
 * back-off, never holding up the pipeline. No URL configured: nothing is sent.
 */
public final class Webhook {

    private static final Logger LOG = LoggerFactory.getLogger(Webhook.class);
    private static final int ATTEMPTS = 4;

    private final URI url;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    /** @param url where to POST, or null for none */
    public Webhook(URI url) {
        this.url = url;
    }

    public CompletableFuture<Boolean> send(String event, Map<String, ?> data) {
        if (url == null) {
            return CompletableFuture.completedFuture(false);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event);
        body.put("at", Instant.now().toString());
        body.put("data", data);
        String json;
        try {
            json = Json.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("User-Agent", "CareLoop")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return attempt(request, event, 1);
    }

    private CompletableFuture<Boolean> attempt(HttpRequest request, String event, int attempt) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
            if (error == null && response.statusCode() / 100 == 2) {
                return CompletableFuture.completedFuture(true);
            }
            String why = error != null ? error.toString() : "HTTP " + response.statusCode();
            if (attempt >= ATTEMPTS) {
                LOG.warn("Webhook {} for {} gave up after {} attempts: {}", url, event, attempt, why);
                return CompletableFuture.completedFuture(false);
            }
            LOG.info("Webhook {} for {} failed ({}), retrying", url, event, why);
            return CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(1L << attempt, TimeUnit.SECONDS))
                    .thenCompose(x -> attempt(request, event, attempt + 1));
        }).thenCompose(f -> f);
    }
}
