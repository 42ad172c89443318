package org.careloop.platform.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.careloop.platform.Connections;
import org.careloop.platform.Mention;
import org.careloop.platform.x.XAccount;
import org.careloop.platform.x.XAdapter;
import org.careloop.simulator.Simulator;
import org.careloop.simulator.SimulatorConfig;
import org.careloop.web.ApiResponse;
import org.careloop.web.HealthApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An X feed that X refuses on every poll is not a quiet feed: the account's connection turns
 * unhealthy with X's message, /health says so, the team gets one alert; one good read heals it.
 * The real connector, polled by the platform consumer, against the simulator.
 */
class XFeedHealthTest {

    Simulator sim;
    CamelContext camel;
    PlatformConsumer consumer;
    final Connections connections = new Connections();
    final HealthApi health = new HealthApi(connections, () -> true);
    final List<Connections.Status> alerts = new CopyOnWriteArrayList<>();
    final List<String> received = new CopyOnWriteArrayList<>();
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        sim = Simulator.start(new SimulatorConfig("127.0.0.1", 0, "none", null, 1));
        connections.register(new XAdapter(new XAccount("brand", sim.baseUrl() + "/", "sim-consumer-key", "sim-consumer-secret",
                "sim-acmeair-token", "sim-acmeair-secret", "\"acme air\"", 100)));
        connections.onUnhealthy(alerts::add);
        camel = new DefaultCamelContext();
        camel.addComponent("platform", new PlatformComponent(connections, new PlatformConsumerTest.MemoryCursors()));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(PlatformConsumerTest.MANUAL).routeId("watch").process(e -> received.add(e.getMessage().getBody(Mention.class).text()));
            }
        });
        camel.start();
        consumer = (PlatformConsumer) camel.getRoute("watch").getConsumer();
    }

    @AfterEach
    void stop() {
        camel.stop();
        sim.stop();
    }

    @SuppressWarnings("unchecked")
    HealthApi.AccountHealth account(ApiResponse r) {
        return ((List<HealthApi.AccountHealth>) ((Map<String, Object>) r.body()).get("accounts")).get(0);
    }

    void refuseSearch(int polls) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/sim/faults")).POST(HttpRequest.BodyPublishers
                .ofString("{\"endpoint\":\"GET /2/tweets/search/recent\",\"status\":400,\"times\":" + polls + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void aSearchXRefusesEveryPollTurnsTheConnectionUnhealthyUntilOneGoodRead() throws Exception {
        consumer.poll();
        assertThat(health.health().status()).isEqualTo(200);

        refuseSearch(2);
        sim.world().publish(sim.world().userOrCreate("ben", "Ben").id(), "@acmeair where is my bag?", null, null, null, null);
        consumer.poll();
        ApiResponse down = health.health();
        assertThat(down.status()).isEqualTo(503);
        assertThat(account(down).healthy()).isFalse();
        assertThat(account(down).lastError()).startsWith("rejected: X API could not read search: HTTP 400");
        assertThat(received).as("the mentions are still read").containsExactly("@acmeair where is my bag?");
        assertThat(alerts).singleElement().satisfies(a -> assertThat(a.lastError()).contains("HTTP 400"));

        consumer.poll();
        assertThat(health.health().status()).isEqualTo(503);
        assertThat(alerts).as("one alert, not one per poll").hasSize(1);

        consumer.poll();
        ApiResponse up = health.health();
        assertThat(up.status()).isEqualTo(200);
        assertThat(account(up).healthy()).isTrue();
        assertThat(account(up).lastError()).isNull();
    }
}
