package org.careloop.health;

import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.careloop.platform.Connections;

/**
 * Readiness of one connected account, in Camel's health-check registry: DOWN while its connection
 * is unhealthy (rejected credentials, reads failing past careloop.feeds.failed-polls-tolerated), with
 * the last error; the same judgement /health shows for the account.
 */
public final class AccountHealthCheck extends AbstractHealthCheck {

    /** The prefix of CareLoop's check ids ({@code careloop-account-<account>}, {@code careloop-database}). */
    public static final String PREFIX = "careloop-";

    private final Connections connections;
    private final String account;

    public AccountHealthCheck(Connections connections, String account) {
        super(PREFIX + "account-" + account);
        this.connections = connections;
        this.account = account;
    }

    @Override
    public boolean isLiveness() {
        return false; // a platform being down is no reason to restart CareLoop
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Connections.Status s = connections.status(account).orElse(null);
        if (s == null) {
            builder.down().message("No connected account named '" + account + "'");
            return;
        }
        builder.detail("platform", s.platform().id());
        builder.detail("account", account);
        if (s.handle() != null) {
            builder.detail("handle", s.handle());
        }
        if (s.lastCheck() != null) {
            builder.detail("last.check", s.lastCheck().toString());
        }
        if (s.lastFetch() != null) {
            builder.detail("last.fetch", s.lastFetch().toString());
        }
        if (s.lastError() != null) {
            builder.detail("last.error", s.lastError());
        }
        if (s.healthy()) {
            builder.up();
        } else {
            builder.down().message(s.platform().id() + " account " + account + " is unhealthy: " + s.lastError());
        }
    }
}
