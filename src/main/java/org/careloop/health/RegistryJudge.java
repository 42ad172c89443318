package org.careloop.health;

import java.util.Map;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.careloop.platform.Connections;
import org.careloop.web.HealthApi;

/**
 * /health judged by Camel's health-check registry: the database, the scheduler, the triage and each account
 * are UP when their check ({@code careloop-database}, {@code careloop-scheduler}, {@code careloop-triage},
 * {@code careloop-account-<account>}) says so. A check not (yet)
 * registered counts as DOWN.
 */
public final class RegistryJudge implements HealthApi.Judge {

    private final Supplier<CamelContext> camel;

    /** @param camel the context, asked at each call (Camel Main creates it at start) */
    public RegistryJudge(Supplier<CamelContext> camel) {
        this.camel = camel;
    }

    @Override
    public boolean databaseUp() {
        return up(AccountHealthCheck.PREFIX + "database");
    }

    @Override
    public boolean schedulerUp() {
        return up(AccountHealthCheck.PREFIX + "scheduler");
    }

    @Override
    public boolean triageUp() {
        return up(AccountHealthCheck.PREFIX + "triage");
    }

    @Override
    public boolean accountUp(Connections.Status account) {
        return up(AccountHealthCheck.PREFIX + "account-" + account.account());
    }

    private boolean up(String id) {
        CamelContext context = camel.get();
        return context != null && HealthCheckHelper.invoke(context, id, Map.of())
                .map(r -> r.getState() == HealthCheck.State.UP).orElse(false);
    }
}
