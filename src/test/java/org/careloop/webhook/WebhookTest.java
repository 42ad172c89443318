package org.careloop.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.careloop.config.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook against a real HTTP server: what it sends, the signature a receiver checks, retries. */
class WebhookTest {

    record Received(byte[] body, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    /** How many of the first requests the server answers 500. */
    final AtomicInteger failFirst = new AtomicInteger();
    URI url;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", ex -> {
            received.add(new Received(ex.getRequestBody().readAllBytes(), Map.copyOf(ex.getRequestHeaders())));
            int status = received.size() <= failFirst.get() ? 500 : 204;
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        server.start();
        url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** What a receiver does: HMAC-SHA256 of the raw body with the shared secret, compared with the header. */
    static String expectedSignature(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void theSignatureIsTheHmacOfTheExactBodyAndTheTimestampIsTheBodysTime() throws Exception {
        Webhook hook = new Webhook(url, "s3cret-ключ", 1, Duration.ofMillis(10), Clock.systemUTC());
        assertThat(hook.send("praise.added", Map.of("text", "merci «beaucoup» 🙌", "score", 0.9)).get(10, TimeUnit.SECONDS)).isTrue();
        Received r = received.get(0);
        assertThat(r.header("X-CareLoop-Signature")).isEqualTo(expectedSignature("s3cret-ключ", r.body()));
        assertThat(r.header("X-CareLoop-Signature")).isNotEqualTo(expectedSignature("another secret", r.body()));
        assertThat(r.header("X-CareLoop-Event")).isEqualTo("praise.added");
        var body = Json.mapper().readTree(r.body());
        assertThat(body.get("event").asText()).isEqualTo("praise.added");
        assertThat(body.at("/data/text").asText()).isEqualTo("merci «beaucoup» 🙌");
        assertThat(java.time.Instant.parse(body.get("at").asText()).getEpochSecond()).isEqualTo(Long.parseLong(r.header("X-CareLoop-Timestamp")));
    }

    @Test
    void aFailedDeliveryIsRetriedWithTheSameBodySignatureAndDeliveryId() throws Exception {
        failFirst.set(2);
        Webhook hook = new Webhook(url, "s3cret", 4, Duration.ofMillis(20), Clock.systemUTC());
        assertThat(hook.send("praise.added", Map.of("id", 7)).get(20, TimeUnit.SECONDS)).isTrue();
        assertThat(received).hasSize(3);
        assertThat(received).extracting(r -> new String(r.body(), StandardCharsets.UTF_8)).containsOnly(new String(received.get(0).body(), StandardCharsets.UTF_8));
        assertThat(received).extracting(r -> r.header("X-CareLoop-Delivery")).containsOnly(received.get(0).header("X-CareLoop-Delivery"));
        for (Received r : received) {
            assertThat(r.header("X-CareLoop-Signature")).isEqualTo(expectedSignature("s3cret", r.body()));
        }
    }

    @Test
    void aDeliveryItsNodeLeftIsTakenOverWithTheSameIdBodyAndSignature() throws Exception {
        try (var db = org.careloop.store.Database.open("jdbc:h2:mem:webhooks;DB_CLOSE_DELAY=-1", "sa", "")) {
            failFirst.set(2);
            // The first attempt fails; the node then stops before its retry, 30 s later.
            Webhook before = new Webhook(url, "s3cret", 4, Duration.ofSeconds(30), Clock.systemUTC()).durable("marketing", db.webhooks());
            before.send("praise.added", Map.of("id", 7));
            waitFor(() -> db.webhooks().pending("marketing").stream().anyMatch(d -> d.attempts() == 1));
            assertThat(received).hasSize(1);

            Webhook after = new Webhook(url, "s3cret", 4, Duration.ofMillis(20), Clock.systemUTC()).durable("marketing", db.webhooks());
            assertThat(after.relay()).as("held by the node that will retry it").isZero();
            Webhook later = new Webhook(url, "s3cret", 4, Duration.ofMillis(20),
                    Clock.offset(Clock.systemUTC(), Duration.ofMinutes(2))).durable("marketing", db.webhooks());
            assertThat(later.relay()).as("once its hold ran out, taken over").isEqualTo(1);
            assertThat(after.relay()).as("now held by the node that took it over").isZero();
            waitFor(() -> received.size() == 3 && db.webhooks().pending("marketing").isEmpty());
            Received first = received.get(0);
            Received last = received.get(2);
            assertThat(last.header("X-CareLoop-Delivery")).isEqualTo(first.header("X-CareLoop-Delivery"));
            assertThat(last.body()).isEqualTo(first.body());
            assertThat(last.header(Webhook.SIGNATURE)).isEqualTo(expectedSignature("s3cret", first.body()));
            assertThat(later.relay()).as("nothing left to resend").isZero();
            assertThat(new Webhook(url, null, 4, Duration.ofMillis(20), Clock.offset(Clock.systemUTC(), Duration.ofHours(1)))
                    .durable("sla", db.webhooks()).relay()).as("other hooks' deliveries are theirs").isZero();
        }
    }

    static void waitFor(java.util.function.BooleanSupplier done) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(done::getAsBoolean);
    }

    @Test
    void itGivesUpAfterItsAttempts() throws Exception {
        failFirst.set(100);
        Webhook hook = new Webhook(url, "s3cret", 3, Duration.ofMillis(10), Clock.systemUTC());
        assertThat(hook.send("praise.added", Map.of()).get(20, TimeUnit.SECONDS)).isFalse();
        assertThat(received).hasSize(3);
    }

    @Test
    void theOriginalConstructorStillSendsUnsignedAndNoUrlSendsNothing() throws Exception {
        assertThat(new Webhook(url).send("sla.breach", Map.of("draftId", 1)).get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(received.get(0).header("X-CareLoop-Signature")).isNull();
        assertThat(Json.mapper().readTree(received.get(0).body()).at("/data/draftId").asInt()).isEqualTo(1);
        assertThat(new Webhook(null).send("sla.breach", Map.of()).get(1, TimeUnit.SECONDS)).isFalse();
        assertThat(received).hasSize(1);
    }
}
