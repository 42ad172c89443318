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
 * The SLA sweep ({@code routes/sla.yaml}, on the shared Quartz schedule) and the rules reload
 * ({@code routes/rules.yaml}, on a timer of each node's own) on their own: each is asked again and
 * again, and a failing SLA sweep never stops the next one.
 */
class ScheduleRoutesTest extends CamelMainTestSupport {

    final AtomicInteger swept = new AtomicInteger();
    final AtomicInteger reloaded = new AtomicInteger();

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configuration.withRoutesIncludePattern("file:routes/sla.yaml,file:routes/rules.yaml");
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties p = new Properties();
        p.setProperty("careloop.sla.sweep-interval-ms", "100");
        p.setProperty("careloop.rules.reload-interval-ms", "100");
        return p;
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("slaWatch", new Object() {
            @SuppressWarnings("unused")
            public int sweep() {
                // Every other sweep fails, as a database outage would: the schedule goes on.
                if (swept.incrementAndGet() % 2 == 0) {
                    throw new IllegalStateException("database down");
                }
                return 0;
            }
        });
        registry.bind("rules", new Object() {
            @SuppressWarnings("unused")
            public boolean reloadIfChanged() {
                reloaded.incrementAndGet();
                return false;
            }
        });
    }

    @Test
    void theSlaSweepAndTheRulesReloadAreAskedAgainAndAgain() {
        await().atMost(Duration.ofSeconds(20)).until(() -> swept.get() >= 4 && reloaded.get() >= 3);
        assertThat(context.getRoute("reload-rules").getEndpoint().getEndpointUri()).as("each node's own timer").startsWith("timer:");
        assertThat(context.getRoute("sweep-sla").getEndpoint().getEndpointUri()).startsWith("quartz:");
    }
}
