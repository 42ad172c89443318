package org.careloop.care;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.careloop.config.Settings;
import org.careloop.metrics.CareMetrics;
import org.careloop.platform.Connections;
import org.careloop.platform.PlatformAdapter;
import org.careloop.platform.PlatformAdapter.Published;
import org.careloop.platform.PlatformAdapter.Reply;
import org.careloop.platform.PlatformException;
import org.careloop.platform.PlatformException.Kind;
import org.careloop.care.Outbox.OutboxEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends approved replies from the outbox to their platform, each exactly once.
 *
 * <p>Every attempt is recorded as in flight before the platform is called, and any entry that
 * was attempted before (a timeout, a 5xx, a crash mid-call: the platform may have accepted it) is
 * first looked for in the customer's thread; a reply found there is marked published, never sent
 * again. A duplicate-content refusal is checked the same way. Failures are retried with
 * exponential back-off and jitter, rate limits wait for the platform's reset without spending the
 * retry budget, and a reply the platform refuses, or that keeps failing, is marked failed with the
 * platform's error so the console shows it and a person can retry it.
 */
public final class Publisher {

    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);
    private static final int BATCH = 20;

    /**
     * How hard to try.
     *
     * @param maxAttempts  failed attempts (rate limits aside) before the draft is marked failed
     * @param firstRetry   the first retry's delay, doubled on each failure
     * @param maxRetry     the longest delay between two attempts
     * @param sendingLease how long an attempt may stay unanswered before it counts as lost (a crash)
     *                     and the entry is taken up again; more than twice as long as a platform call
     *                     may take, since the post is only sent within the first half
     */
    public record Policy(int maxAttempts, Duration firstRetry, Duration maxRetry, Duration sendingLease) {

        public Policy {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("careloop.outbox.max-attempts must be at least 1, got: " + maxAttempts);
            }
            if (firstRetry.isNegative() || firstRetry.isZero() || maxRetry.compareTo(firstRetry) < 0) {
                throw new IllegalArgumentException("careloop.outbox.first-retry must be positive and at most careloop.outbox.max-retry");
            }
            if (sendingLease.isNegative() || sendingLease.isZero()) {
                throw new IllegalArgumentException("careloop.outbox.sending-lease must be positive");
            }
        }

        public static Policy fromSettings(Settings settings) {
            return new Policy(settings.getInt("careloop.outbox.max-attempts", 8),
                    settings.getDuration("careloop.outbox.first-retry", Duration.ofSeconds(5)),
                    settings.getDuration("careloop.outbox.max-retry", Duration.ofMinutes(10)),
                    settings.getDuration("careloop.outbox.sending-lease", Duration.ofMinutes(5)));
        }
    }

    private final Outbox outbox;
    private final Connections connections;
    private final Clock clock;
    private final Policy policy;
    private final DoubleSupplier jitter;
    private volatile CareMetrics metrics = CareMetrics.NONE;
    /** Accounts waiting for a rate-limit reset: their other entries wait too instead of each earning a 429. */
    private final Map<String, Instant> rateLimitedUntil = new ConcurrentHashMap<>();

    public Publisher(Outbox outbox, Connections connections, Clock clock, Policy policy) {
        this(outbox, connections, clock, policy, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param jitter values in [0, 1) that spread the retries; a fixed sequence makes tests deterministic */
    public Publisher(Outbox outbox, Connections connections, Clock clock, Policy policy, DoubleSupplier jitter) {
        this.outbox = outbox;
        this.connections = connections;
        this.clock = clock;
        this.policy = policy;
        this.jitter = jitter;
    }

    /** Counts the attempts, failures and first replies. */
    public Publisher withMetrics(CareMetrics metrics) {
        this.metrics = metrics;
        return this;
    }

    /** Publishes every outbox entry that is due; returns how many were published. */
    public int publishDue() {
        int sent = 0;
        for (OutboxEntry entry : outbox.due(clock.instant(), BATCH)) {
            Instant until = rateLimitedUntil.get(entry.account());
            if (until != null && until.isAfter(clock.instant())) {
                continue;
            }
            if (publish(entry)) {
                sent++;
            }
        }
        return sent;
    }

    /** One attempt at one entry; true when the reply is (or was found) published. */
    boolean publish(OutboxEntry entry) {
        PlatformAdapter adapter = connections.adapter(entry.account()).orElse(null);
        if (adapter == null) {
            outbox.attemptFailed(entry.id(), "No connected account named '" + entry.account() + "'", null);
            return false;
        }
        Instant now = clock.instant();
        if (!outbox.markSending(entry.id(), now, now.plus(policy.sendingLease()))) {
            return false; // another publisher took it meanwhile
        }
        metrics.publishAttempted(entry.platform(), entry.account());
        Reply reply = new Reply(String.valueOf(entry.id()), entry.inReplyToId(), entry.text());
        try {
            if (entry.attemptedBefore()) {
                Optional<Published> earlier = adapter.findReply(reply);
                if (earlier.isPresent()) {
                    LOG.info("Draft {}: an earlier attempt had been accepted as {}; not sending it again", entry.draftId(),
                            earlier.get().id());
                    return done(entry, earlier.get());
                }
                if (clock.instant().isAfter(now.plus(policy.sendingLease().dividedBy(2)))) {
                    // The post must finish inside the lease, or another run could take the entry up meanwhile.
                    throw new PlatformException(Kind.TRANSIENT, "Looking for an earlier copy of the reply took too long; "
                            + "not sending it in this attempt", null);
                }
            }
            return done(entry, send(adapter, reply));
        } catch (PlatformException e) {
            failed(entry, e);
            return false;
        } catch (RuntimeException e) {
            // An adapter bug must not stall the whole outbox: record it on the entry and move on.
            metrics.publishFailed(entry.platform(), entry.account(), "unexpected");
            outbox.attemptFailed(entry.id(), "Unexpected error: " + e, nextAttempt(entry, null));
            LOG.error("Unexpected error publishing draft {}", entry.draftId(), e);
            return false;
        }
    }

    private Published send(PlatformAdapter adapter, Reply reply) throws PlatformException {
        try {
            return adapter.publish(reply);
        } catch (PlatformException e) {
            if (e.kind() != Kind.DUPLICATE) {
                throw e;
            }
            // The platform has this text from the account already: ours if it is in this thread.
            return adapter.findReply(reply).orElseThrow(() -> e);
        }
    }

    private boolean done(OutboxEntry entry, Published published) {
        Instant at = clock.instant();
        outbox.published(entry.id(), published.id(), at);
        metrics.replyPublished(entry.platform(), entry.account(), entry.draftId(), at);
        connections.succeeded(entry.account());
        LOG.info("Published draft {} on {} as {}", entry.draftId(), entry.platform(), published.id());
        return true;
    }

    private void failed(OutboxEntry entry, PlatformException e) {
        metrics.publishFailed(entry.platform(), entry.account(), e.kind().name().toLowerCase(java.util.Locale.ROOT));
        connections.failed(entry.account(), e);
        Instant now = clock.instant();
        if (e.kind() == Kind.RATE_LIMITED) {
            Instant until = e.retryAfter() != null && e.retryAfter().isAfter(now) ? e.retryAfter() : now.plus(backOff(entry.attempts()));
            rateLimitedUntil.put(entry.account(), until);
            outbox.rateLimited(entry.id(), e.getMessage(), until);
            LOG.info("Draft {} waits for {}'s rate limit until {}", entry.draftId(), entry.account(), until);
            return;
        }
        Instant retry = nextAttempt(entry, e);
        outbox.attemptFailed(entry.id(), e.getMessage(), retry);
        if (retry == null) {
            LOG.warn("Draft {} could not be published and was marked failed: {}", entry.draftId(), e.getMessage());
        } else {
            LOG.info("Draft {} not published ({}), next attempt at {}", entry.draftId(), e.getMessage(), retry);
        }
    }

    /** When to try again after a failure other than a rate limit, or null to give up. */
    Instant nextAttempt(OutboxEntry entry, PlatformException e) {
        if (e != null && (e.kind() == Kind.REJECTED || e.kind() == Kind.DUPLICATE)) {
            return null;
        }
        if (entry.attempts() + 1 >= policy.maxAttempts()) {
            return null;
        }
        return clock.instant().plus(backOff(entry.attempts()));
    }

    /**
     * The delay after {@code attempts} earlier failures: the first retry doubled each time, capped,
     * then "equal jitter" (half of it fixed, half random) so publishers that failed together, on
     * one node or several, do not all come back at the same moment.
     */
    Duration backOff(int attempts) {
        Duration full = policy.firstRetry().multipliedBy(1L << Math.min(attempts, 20));
        if (full.compareTo(policy.maxRetry()) > 0) {
            full = policy.maxRetry();
        }
        long half = full.toMillis() / 2;
        double r = Math.min(Math.max(jitter.getAsDouble(), 0), 1);
        return Duration.ofMillis(half + Math.round(r * (full.toMillis() - half)));
    }
}
