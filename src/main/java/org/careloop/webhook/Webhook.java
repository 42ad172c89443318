package org.careloop.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.careloop.config.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells another system about an event (an SLA breach, new praise): a JSON POST
 * ({@code {"event", "at", "data"}}), retried with doubling back-off, never holding up the pipeline.
 * No URL configured: nothing is sent.
 *
 * <p>Every request carries {@code X-CareLoop-Event}, {@code X-CareLoop-Delivery} (one id per event,
 * the same on every retry, so a receiver can drop repeats) and {@code X-CareLoop-Timestamp} (epoch
 * seconds, the body's {@code at}). With a secret it also carries
 * {@code X-CareLoop-Signature: sha256=<hex HMAC-SHA256 of the exact body bytes>}; the body holds the
 * time, so the signature covers it and a receiver can refuse old deliveries.
 *
 * <p>A durable webhook ({@link #durable}) keeps each delivery in the database until the receiver
 * took it or every attempt failed. The node attempting a delivery holds it (until its next attempt
 * plus a margin); {@link #relay}, run on every node from time to time, takes over deliveries whose
 * node stopped holding them (it stopped, or crashed), so none is lost and none sent by two nodes.
 */
public final class Webhook {

    private static final Logger LOG = LoggerFactory.getLogger(Webhook.class);
    private static final int ATTEMPTS = 4;
    /** How long past an attempt's start its node holds the delivery: the request's time-outs, and some. */
    private static final Duration HOLD = Duration.ofMinutes(1);
    public static final String SIGNATURE = "X-CareLoop-Signature";
    public static final String TIMESTAMP = "X-CareLoop-Timestamp";

    private final URI url;
    private final byte[] secret;
    private final int attempts;
    private final Duration firstRetry;
    private final Clock clock;
    private final String hook;
    private final WebhookStore store;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    /** @param url where to POST, or null for none; unsigned, 4 attempts, retries after 2, 4 and 8 s */
    public Webhook(URI url) {
        this(url, null, ATTEMPTS, Duration.ofSeconds(2), Clock.systemUTC());
    }

    /**
     * @param url        where to POST, or null for none
     * @param secret     the HMAC key that signs each body, or null to send unsigned
     * @param attempts   how many times to try in all (at least 1)
     * @param firstRetry the wait before the second attempt, doubled before each further one
     */
    public Webhook(URI url, String secret, int attempts, Duration firstRetry, Clock clock) {
        this(url, secret == null || secret.isEmpty() ? null : secret.getBytes(StandardCharsets.UTF_8), attempts, firstRetry, clock, null, null);
    }

    private Webhook(URI url, byte[] secret, int attempts, Duration firstRetry, Clock clock, String hook, WebhookStore store) {
        if (attempts < 1) {
            throw new IllegalArgumentException("A webhook needs at least one attempt, got " + attempts);
        }
        this.url = url;
        this.secret = secret;
        this.attempts = attempts;
        this.firstRetry = firstRetry;
        this.clock = clock;
        this.hook = hook;
        this.store = store;
    }

    /** This webhook with its deliveries kept in {@code store} under {@code hook} until they are done. */
    public Webhook durable(String hook, WebhookStore store) {
        return new Webhook(url, secret, attempts, firstRetry, clock, hook, store);
    }

    /** @return completes with true once a 2xx answer came, false when there is no URL or every attempt failed */
    public CompletableFuture<Boolean> send(String event, Map<String, ?> data) {
        if (url == null) {
            return CompletableFuture.completedFuture(false);
        }
        Instant at = clock.instant();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event);
        body.put("at", at.toString());
        body.put("data", data);
        String json;
        try {
            json = Json.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        WebhookStore.Delivery delivery = new WebhookStore.Delivery(UUID.randomUUID().toString(), hook, event, json, at, 0);
        if (store != null) {
            try {
                store.save(delivery, at.plus(HOLD));
            } catch (RuntimeException e) {
                // The event still goes out now; only its survival across a restart is lost.
                LOG.warn("Webhook {} for {}: could not keep the delivery ({}); sending it anyway", url, event, e.getMessage());
            }
        }
        return attempt(delivery, 1);
    }

    /**
     * Takes over the deliveries no node holds any more (pending when CareLoop stopped, or their node
     * crashed) and sends each from the attempt it had reached.
     *
     * @return how many deliveries were taken over
     */
    public int relay() {
        if (url == null || store == null) {
            return 0;
        }
        Instant now = clock.instant();
        List<WebhookStore.Delivery> abandoned = store.claimAbandoned(hook, now, now.plus(HOLD));
        abandoned.forEach(d -> attempt(d, Math.min(d.attempts() + 1, attempts)));
        if (!abandoned.isEmpty()) {
            LOG.info("Webhook {}: resending {} deliveries their sender left pending", url, abandoned.size());
        }
        return abandoned.size();
    }

    private CompletableFuture<Boolean> attempt(WebhookStore.Delivery d, int attempt) {
        byte[] json = d.body().getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8").header("User-Agent", "CareLoop")
                .header("X-CareLoop-Event", d.event()).header("X-CareLoop-Delivery", d.id())
                .header(TIMESTAMP, String.valueOf(d.createdAt().getEpochSecond()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(json));
        if (secret != null) {
            request.header(SIGNATURE, "sha256=" + hmacSha256(secret, json));
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
            if (error == null && response.statusCode() / 100 == 2) {
                record(() -> store.delivered(d.id(), clock.instant()));
                return CompletableFuture.completedFuture(true);
            }
            String why = error != null ? error.toString() : "HTTP " + response.statusCode();
            boolean last = attempt >= attempts;
            long wait = firstRetry.toMillis() << (attempt - 1);
            Instant now = clock.instant();
            record(() -> store.failed(d.id(), why, last, now, now.plusMillis(wait).plus(HOLD)));
            if (last) {
                LOG.warn("Webhook {} for {} gave up after {} attempts: {}", url, d.event(), attempt, why);
                return CompletableFuture.completedFuture(false);
            }
            LOG.info("Webhook {} for {} failed ({}), retrying in {} ms", url, d.event(), why, wait);
            return CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(wait, TimeUnit.MILLISECONDS))
                    .thenCompose(x -> attempt(d, attempt + 1));
        }).thenCompose(f -> f);
    }

    /** Notes an attempt's outcome in the store, if there is one; a store failure never stops the delivery. */
    private void record(Runnable update) {
        if (store == null) {
            return;
        }
        try {
            update.run();
        } catch (RuntimeException e) {
            LOG.warn("Webhook {}: could not record a delivery attempt: {}", url, e.getMessage());
        }
    }

    private static String hmacSha256(byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
