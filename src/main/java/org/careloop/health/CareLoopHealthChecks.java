package org.careloop.health;

import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListener;
import org.apache.camel.main.MainListenerSupport;
import org.careloop.platform.Connections;
import org.careloop.platform.PlatformAdapter;

/**
 * CareLoop's checks in Camel's {@link HealthCheckRegistry}, beside Camel's own (context, routes,
 * consumers): {@code careloop-account-<account>} per connected account, {@code careloop-database},
 * {@code careloop-scheduler} and {@code careloop-triage}.
 */
public final class CareLoopHealthChecks {

    private CareLoopHealthChecks() {}

    /** Registers the checks in the context's registry (camel-health must be on the class path). */
    public static void register(CamelContext context, Connections connections, BooleanSupplier databasePing,
            Supplier<Optional<Instant>> triageStalledSince) {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        if (registry == null) {
            throw new IllegalStateException("No health-check registry: camel-health is missing from the class path");
        }
        registry.register(new DatabaseHealthCheck(databasePing));
        // hasComponent, not getComponent: a health check never creates (and starts) a scheduler of its own.
        registry.register(new SchedulerHealthCheck(() -> context.hasComponent("quartz") instanceof org.apache.camel.component.quartz.QuartzComponent q
                ? q.getScheduler() : null));
        registry.register(new TriageHealthCheck(triageStalledSince));
        for (PlatformAdapter adapter : connections.adapters()) {
            registry.register(new AccountHealthCheck(connections, adapter.account()));
        }
    }

    /** Registers the checks once Camel Main has configured its context: {@code main.addMainListener(...)}. */
    public static MainListener onStart(Connections connections, BooleanSupplier databasePing, Supplier<Optional<Instant>> triageStalledSince) {
        return new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport main) {
                register(main.getCamelContext(), connections, databasePing, triageStalledSince);
            }
        };
    }
}
