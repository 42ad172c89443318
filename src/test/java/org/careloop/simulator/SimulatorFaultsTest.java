package org.careloop.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.careloop.config.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The faults the simulator injects for tests, over HTTP: what the client sees and what the platform did. */
class SimulatorFaultsTest {

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

    HttpResponse<String> control(String method, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest createPost(String handle, String text, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/2/tweets"))
                .header("Authorization", "Bearer sim:" + handle).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().createObjectNode().put("text", text).toString()));
        return (timeout == null ? b : b.timeout(timeout)).build();
    }

    @Test
    void acceptThenTimeoutCreatesThePostButAnswersTooLate() throws Exception {
        assertThat(control("POST", "/sim/faults", "{\"endpoint\":\"POST /2/tweets\",\"kind\":\"accept-then-timeout\",\"delayMs\":2000}")
                .statusCode()).isEqualTo(200);
        JsonNode pending = Json.mapper().readTree(control("GET", "/sim/faults", null).body());
        assertThat(pending.at("/0/kind").asText()).isEqualTo("accept-then-timeout");
        assertThat(pending.at("/0/delayMs").asLong()).isEqualTo(2000);

        assertThatThrownBy(() -> http.send(createPost("kim", "@acmeair is this thing on?", Duration.ofMillis(400)),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(HttpTimeoutException.class);
        String kim = sim.world().userByUsername("kim").orElseThrow().id();
        assertThat(sim.world().postsBy(kim)).extracting(XWorld.Post::text).containsExactly("@acmeair is this thing on?");
        assertThat(Json.mapper().readTree(control("GET", "/sim/faults", null).body())).isEmpty();

        // One call only: the next one is answered at once.
        HttpResponse<String> next = http.send(createPost("kim", "@acmeair hello?", Duration.ofMillis(1500)), HttpResponse.BodyHandlers.ofString());
        assertThat(next.statusCode()).isEqualTo(201);
    }

    @Test
    void aPatientClientGetsTheHeldAnswer() throws Exception {
        control("POST", "/sim/faults", "{\"endpoint\":\"POST /2/tweets\",\"kind\":\"accept-then-timeout\",\"delayMs\":300}");
        long start = System.nanoTime();
        HttpResponse<String> r = http.send(createPost("lea", "@acmeair slow day?", null), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(sim.world().post(Json.mapper().readTree(r.body()).at("/data/id").asText())).isPresent();
    }

    @Test
    void a429BurstRefusesEachCallWithoutCreatingAnything() throws Exception {
        control("POST", "/sim/faults", "{\"endpoint\":\"POST /2/tweets\",\"status\":429,\"times\":3,\"resetInSeconds\":2}");
        for (int i = 0; i < 3; i++) {
            long now = System.currentTimeMillis() / 1000;
            HttpResponse<String> r = http.send(createPost("max", "@acmeair one more " + i, null), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(Long.parseLong(r.headers().firstValue("x-rate-limit-reset").orElseThrow())).isBetween(now + 2, now + 4);
        }
        assertThat(sim.world().all()).isEmpty();
        assertThat(http.send(createPost("max", "@acmeair finally", null), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
    }

    @Test
    void aFaultThatMakesNoSenseIsRefused() throws Exception {
        assertThat(control("POST", "/sim/faults", "{\"endpoint\":\"POST /2/tweets\",\"kind\":\"explode\"}").statusCode()).isEqualTo(400);
        assertThat(control("POST", "/sim/faults", "{\"endpoint\":\"POST /2/tweets\",\"status\":200}").statusCode()).isEqualTo(400);
        assertThat(control("POST", "/sim/faults", "{\"status\":503}").statusCode()).isEqualTo(400);
        assertThat(Json.mapper().readTree(control("GET", "/sim/faults", null).body())).isEmpty();
    }
}
