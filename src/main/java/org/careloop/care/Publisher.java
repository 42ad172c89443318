package org.careloop.care;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.careloop.platform.Connections;
import org.careloop.platform.PlatformAdapter;
import org.careloop.platform.PlatformException;
import org.careloop.store.DraftStore;
import org.careloop.store.DraftStore.OutboxEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends approved replies from the outbox to their platform. A failed attempt is retried with
 * exponential back-off (or at the platform's rate-limit reset); a reply the platform refuses, or
 * one that keeps failing, is marked failed so the console shows it.
 */
public final class Publisher {

    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);

    private final DraftStore drafts;
    private final Connections connections;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration firstRetry;

    public Publisher(DraftStore drafts, Connections connections, Clock clock, int maxAttempts, Duration firstRetry) {
        this.drafts = drafts;
        this.connections = connections;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.firstRetry = firstRetry;
    }

    /** Publishes every outbox entry that is due; returns how many were published. */
    public int publishDue() {
        int sent = 0;
        for (OutboxEntry entry : drafts.due(clock.instant(), 20)) {
            if (publish(entry)) {
                sent++;
            }
        }
        return sent;
    }

    boolean publish(OutboxEntry entry) {
        PlatformAdapter adapter = connections.adapter(entry.account()).orElse(null);
        if (adapter == null) {
            drafts.attemptFailed(entry.id(), "No connected account named '" + entry.account() + "'", null);
            return false;
        }
        try {
            PlatformAdapter.Published published = adapter.publish(
                    new PlatformAdapter.Reply(String.valueOf(entry.id()), entry.inReplyToId(), entry.text()));
            drafts.published(entry.id(), published.id(), clock.instant());
            connections.succeeded(entry.account());
            LOG.info("Published draft {} on {} as {}", entry.draftId(), entry.platform(), published.id());
            return true;
        } catch (PlatformException e) {
            connections.failed(entry.account(), e);
            Instant retry = nextAttempt(entry, e);
            drafts.attemptFailed(entry.id(), e.getMessage(), retry);
            if (retry == null) {
                LOG.warn("Draft {} could not be published and was marked failed: {}", entry.draftId(), e.getMessage());
            } else {
                LOG.info("Draft {} not published ({}), next attempt at {}", entry.draftId(), e.getMessage(), retry);
            }
            return false;
        } catch (RuntimeException e) {
            // An adapter bug must not stall the whole outbox: record it on the entry and move on.
            drafts.attemptFailed(entry.id(), "Unexpected error: " + e, nextAttempt(entry, null));
            LOG.error("Unexpected error publishing draft {}", entry.draftId(), e);
            return false;
        }
    }

    /** When to try again, or null to give up. */
    Instant nextAttempt(OutboxEntry entry, PlatformException e) {
        if (e != null && e.kind() == PlatformException.Kind.REJECTED) {
            return null;
        }
        if (entry.attempts() + 1 >= maxAttempts) {
            return null;
        }
        Instant now = clock.instant();
        if (e != null && e.kind() == PlatformException.Kind.RATE_LIMITED && e.retryAfter() != null && e.retryAfter().isAfter(now)) {
            return e.retryAfter();
        }
        long factor = 1L << Math.min(entry.attempts(), 10);
        return now.plus(firstRetry.multipliedBy(factor));
    }
}
