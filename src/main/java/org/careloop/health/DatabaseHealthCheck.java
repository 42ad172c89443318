package org.careloop.health;

import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** Readiness of the database: a ping (a trivial query) answers. No liveness: a restart does not bring a database back. */
public final class DatabaseHealthCheck extends AbstractHealthCheck {

    private final BooleanSupplier ping;

    public DatabaseHealthCheck(BooleanSupplier ping) {
        super(AccountHealthCheck.PREFIX + "database");
        this.ping = ping;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        boolean up;
        try {
            up = ping.getAsBoolean();
        } catch (RuntimeException e) {
            builder.error(e);
            up = false;
        }
        if (up) {
            builder.up();
        } else {
            builder.down().message("The database does not answer");
        }
    }
}
