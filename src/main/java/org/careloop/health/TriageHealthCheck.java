package org.careloop.health;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * The triage threads: DOWN while every one of them has been busy past the triage timeout, so that posts
 * wait with their feeds. A post whose triage hangs (a stage that never returns) holds its thread until it
 * ends, and Java cannot stop it: a liveness check too, since a restart is what frees such a thread (the
 * hanging post is set aside by then, so it does not hang the next run).
 */
public final class TriageHealthCheck extends AbstractHealthCheck {

    private final Supplier<Optional<Instant>> stalledSince;

    /** @param stalledSince since when a post waited in vain for a free triage thread; empty while one is free */
    public TriageHealthCheck(Supplier<Optional<Instant>> stalledSince) {
        super(AccountHealthCheck.PREFIX + "triage");
        this.stalledSince = stalledSince;
    }

    @Override
    public boolean isLiveness() {
        return true; // Camel's checks are readiness only unless they say otherwise
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Optional<Instant> since = stalledSince.get();
        if (since.isPresent()) {
            builder.detail("stalled.since", since.get().toString());
            builder.down().message("Every triage thread has been busy since " + since.get()
                    + ": posts wait with their feeds (the log names the posts that hold the threads)");
        } else {
            builder.up();
        }
    }
}
