package org.careloop.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.junit.jupiter.api.Test;

/**
 * The publishing routes of {@code routes/publishing.yaml} on their own: Quartz keeps asking the
 * outbox for what is due, the webhook relay for what was left pending and the incident desk for a
 * resolve cut short, and a failing round
 * never stops the next one.
 */
class PublishingRoutesTest extends CamelMainTestSupport {

    final AtomicInteger published = new AtomicInteger();
    final AtomicInteger relayed = new AtomicInteger();
    final AtomicInteger finished = new AtomicInteger();

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configuration.withRoutesIncludePattern("file:routes/publishing.yaml");
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
    void theOutboxAndTheWebhookRelayAreAskedAgainAndAgainEvenAfterAFailure() {
        await().atMost(Duration.ofSeconds(20)).until(() -> published.get() >= 4 && relayed.get() >= 3 && finished.get() >= 3);
        assertThat(context.getRouteController().getRouteStatus("finish-incidents").isStarted()).isTrue();
        assertThat(context.getRouteController().getRouteStatus("publish-outbox").isStarted()).isTrue();
        assertThat(context.getRouteController().getRouteStatus("relay-webhooks").isStarted()).isTrue();
    }
}
