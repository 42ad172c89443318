package org.careloop.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.junit.jupiter.api.Test;

/**
 * The publishing routes of {@code routes/publishing.yaml} on their own: Quartz keeps asking the
 * outbox for what is due, the webhook relay for what was left pending and the incident desk for a
 * resolve cut short, and a failing round never stops the next one. Each test starts the context
 * itself: one on the real Quartz schedule, one with each route's Quartz consumer replaced by a
 * direct: endpoint, so the test runs the rounds itself.
 */
class PublishingRoutesTest extends CamelMainTestSupport {

    static final String[] ROUTES = {"publish-outbox", "relay-webhooks", "finish-incidents"};

    final AtomicInteger published = new AtomicInteger();
    final AtomicInteger relayed = new AtomicInteger();
    final AtomicInteger finished = new AtomicInteger();

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configuration.withRoutesIncludePattern("file:routes/publishing.yaml");
    }

    @Override
    public void configureTest(TestExecutionConfiguration configuration) {
        super.configureTest(configuration);
        // Not started before the test: a test may advise the routes first, then starts the context.
        configuration.withUseAdviceWith(true);
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties p = new Properties();
        p.setProperty("careloop.outbox.interval-ms", "100");
        p.setProperty("careloop.webhooks.relay-interval-ms", "100");
        p.setProperty("careloop.incidents.finish-interval-ms", "100");
        return p;
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("publisher", new Object() {
            @SuppressWarnings("unused")
            public void publishDue() {
                // Every other round fails, as a platform outage would: the schedule goes on.
                if (published.incrementAndGet() % 2 == 0) {
                    throw new IllegalStateException("platform down");
                }
            }
        });
        registry.bind("incidentDesk", new Object() {
            @SuppressWarnings("unused")
            public int finishCutShort() {
                return finished.incrementAndGet();
            }
        });
        registry.bind("webhookRelay", new Object() {
            @SuppressWarnings("unused")
            public void relay() {
                relayed.incrementAndGet();
            }
        });
    }

    @Test
    void theOutboxAndTheWebhookRelayAreAskedAgainAndAgainEvenAfterAFailure() throws Exception {
        // Two failed rounds of the outbox: the round after the first failure came, and the one after it.
        NotifyBuilder rounds = new NotifyBuilder(context).fromRoute("publish-outbox").whenFailed(2)
                .and().fromRoute("publish-outbox").whenCompleted(2)
                .and().fromRoute("relay-webhooks").whenCompleted(3)
                .and().fromRoute("finish-incidents").whenCompleted(3)
                .create();
        context.start();
        assertThat(rounds.matches(20, TimeUnit.SECONDS)).as("rounds of each route, on Quartz's schedule: %s", rounds).isTrue();
        for (String route : ROUTES) {
            assertThat(context.getRouteController().getRouteStatus(route).isStarted()).as(route).isTrue();
        }
    }

    @Test
    void eachRoundAsksItsDeskOnceAndAFailedRoundIsAFailedExchange() throws Exception {
        for (String route : ROUTES) {
            AdviceWith.adviceWith(context, route, a -> a.replaceFromWith("direct:" + route));
        }
        context.start();

        Exchange first = template.send("direct:publish-outbox", e -> { });
        assertThat(first.getException()).isNull();
        assertThat(published).hasValue(1);
        // Not swallowed: Camel counts the round as failed (the route's failure meter), and the next round runs as usual.
        Exchange second = template.send("direct:publish-outbox", e -> { });
        assertThat(second.getException()).isInstanceOf(IllegalStateException.class).hasMessage("platform down");
        Exchange third = template.send("direct:publish-outbox", e -> { });
        assertThat(third.getException()).isNull();
        assertThat(published).hasValue(3);
        assertThat(relayed).as("the relay is not the outbox's round").hasValue(0);
        assertThat(finished).hasValue(0);

        template.sendBody("direct:relay-webhooks", null);
        assertThat(relayed).hasValue(1);
        template.sendBody("direct:finish-incidents", null);
        assertThat(finished).hasValue(1);
        assertThat(published).as("each round asks its own desk only").hasValue(3);
    }
}
