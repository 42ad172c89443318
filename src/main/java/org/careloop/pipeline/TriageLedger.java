package org.careloop.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.careloop.care.Alerts;
import org.careloop.care.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sees that every post is triaged once and none is lost or blocks its feed. A failed triage, or one
 * that took too long, is thrown back, so the feed's cursor stays and the next poll delivers the post
 * again; after {@code maxAttempts} the post is set aside with an alert, for a person to retry, and
 * the feed moves on to the posts after it.
 *
 * <p>When several nodes share the triage ({@link Sharing}), the node that polls a feed only
 * {@linkplain #record records} its posts, and every node {@linkplain #claim claims} them one by one
 * from the database: the same attempts are counted, a failed one is released for any node to try
 * again after a pause. A node renews the claims of the posts it is triaging ({@link #renewClaims}), so
 * the posts of a node that died are claimed again once their lease runs out, a live node's never.
 */
public final class TriageLedger {

    /**
     * The triage shared by the nodes on one database.
     *
     * @param node       this node's name in the claims (and, once a post is triaged, the node that triaged it)
     * @param lease      how long a claim holds unless its node renews it (every third of it, while it triages
     *                   the post): a node that died holds its posts this long at most
     * @param retryAfter how long a failed attempt waits before any node tries the post again
     */
    public record Sharing(String node, Duration lease, Duration retryAfter) {

        public Sharing {
            if (node == null || node.isBlank()) {
                throw new IllegalArgumentException("A node sharing the triage needs a name");
            }
            if (lease.compareTo(MIN_LEASE) < 0 || retryAfter.isNegative()) {
                throw new IllegalArgumentException("Setting careloop.triage.claim-lease must be at least " + MIN_LEASE.toSeconds()
                        + " s and careloop.triage.retry-after not negative, got " + lease + " and " + retryAfter);
            }
        }

        /** A claim renewed every few seconds would cost the database more than it saves a dead node's posts. */
        static final Duration MIN_LEASE = Duration.ofSeconds(3);

        /** {@code careloop.triage.claim-lease} and {@code careloop.triage.retry-after}. */
        public static Sharing fromSettings(org.careloop.config.Settings settings, String node) {
            return new Sharing(node, settings.getDuration("careloop.triage.claim-lease", DEFAULT_LEASE),
                    settings.getDuration("careloop.triage.retry-after", Duration.ofSeconds(10)));
        }

        /** How often this node renews its claims: a lease outlives two renewals that do not come. */
        public Duration renewEvery() {
            return lease.dividedBy(3);
        }
    }

    /** {@code careloop.triage.claim-lease} by default. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);

    private volatile org.careloop.metrics.CareMetrics metrics = org.careloop.metrics.CareMetrics.NONE;

    /** Counts the posts triaged. */
    public TriageLedger withMetrics(org.careloop.metrics.CareMetrics metrics) {
        this.metrics = metrics;
        return this;
    }

    private static final Logger LOG = LoggerFactory.getLogger(TriageLedger.class);


    private final MentionStore mentions;
    private final Alerts alerts;
    private final AuditLog audit;
    private final int maxAttempts;
    /** Null when this node triages the posts it polls itself. */
    private final Sharing sharing;
    /** The posts this node claimed and is triaging: the claims it renews. */
    private final Set<Held> held = ConcurrentHashMap.newKeySet();

    /**
     * This node's attempts from the moment the feed hands the post to the triage threads until its triage
     * ends: a stuck one is never started a second time (it would hold a second thread), and an attempt that
     * never got a thread is not the post's fault.
     */
    private final Map<Held, Attempt> underWay = new ConcurrentHashMap<>();
    /** Since when a post waited for a free triage thread until the feed gave up on it; null while threads are free. */
    private volatile Instant stalledSince;
    private final Clock clock;

    private static final class Attempt {
        /** When a triage thread took it; null while it waits for one. */
        volatile Instant started;
    }

    private record Held(Platform platform, String id) {
        static Held of(Mention m) {
            return new Held(m.platform(), m.id());
        }
    }

    public TriageLedger(MentionStore mentions, Alerts alerts, AuditLog audit, int maxAttempts) {
        this(mentions, alerts, audit, maxAttempts, null);
    }

    /** @param sharing how the nodes share the triage, or null when this node triages what it polls */
    public TriageLedger(MentionStore mentions, Alerts alerts, AuditLog audit, int maxAttempts, Sharing sharing) {
        this(mentions, alerts, audit, maxAttempts, sharing, Clock.systemUTC());
    }

    TriageLedger(MentionStore mentions, Alerts alerts, AuditLog audit, int maxAttempts, Sharing sharing, Clock clock) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("Setting careloop.triage.max-attempts must be at least 1, not " + maxAttempts);
        }
        this.mentions = mentions;
        this.alerts = alerts;
        this.audit = audit;
        this.maxAttempts = maxAttempts;
        this.sharing = sharing;
        this.clock = clock;
    }

    /** Whether the nodes share the triage: the poll records, every node claims. */
    public boolean shared() {
        return sharing != null;
    }

    /** Whether to triage the post now: new, or an earlier attempt failed and attempts are left. */
    public boolean admit(Mention m) {
        return acceptable(m) && mentions.admit(m, maxAttempts);
    }

    /**
     * The triage is shared: records the post for any node to claim, once (a post read again, by this
     * feed or another, is recorded already). The feed's cursor moves on once it returns.
     */
    public void record(Mention m) {
        if (acceptable(m)) {
            mentions.insertIfNew(m);
        }
    }

    /**
     * The triage is shared: the oldest post waiting, now held by this node for the lease, its attempt
     * counted; null when none waits.
     */
    public Mention claim() {
        Mention m = mentions.claim(sharedBy().node(), sharing.lease(), maxAttempts).orElse(null);
        if (m != null) {
            held.add(Held.of(m));
        }
        return m;
    }

    /**
     * The triage is shared: the claims of the posts this node is triaging hold for another lease. A claim
     * found lost (its lease ran out while this node was starved or paused, and another node took the post)
     * is logged: both nodes triage that post, and the draft step drafts it once.
     *
     * @return the claims renewed
     */
    public int renewClaims() {
        int renewed = 0;
        for (Held h : held) {
            if (mentions.renew(h.platform(), h.id(), sharedBy().node(), sharing.lease())) {
                renewed++;
            } else if (held.remove(h)) {
                LOG.warn("Lost the claim on {} post {}: its lease ran out before this node renewed it (a pause longer than {} s?); "
                        + "another node may be triaging it too", h.platform().id(), h.id(), sharing.lease().toSeconds());
            }
        }
        return renewed;
    }

    private Sharing sharedBy() {
        if (sharing == null) {
            throw new IllegalStateException("Posts are claimed only when the nodes share the triage");
        }
        return sharing;
    }

    /** False, with an alert, for a post no platform would give: it can be neither recorded nor answered. */
    private boolean acceptable(Mention m) {
        String odd = oddId(m);
        if (odd != null) {
            // The store refused a post with an over-long id before any attempt was counted, so its feed read it
            // again with every poll and never moved on to the posts after it; and an id goes into the paths of
            // the platform's API when the reply is sent. No platform gives such ids: the post cannot be recorded,
            // answered nor retried, so it is skipped, with an alert, and the feed goes on.
            String message = "Skipped " + m.platform().id() + " post " + shown(m.id()) + " by " + shown(m.author() == null ? null : m.author().handle())
                    + ": its " + odd + " is not an id any platform gives (at most " + Mention.MAX_ID + " letters, digits, '_' or '-')";
            LOG.error(message);
            alerts.raise("triage", null, message);
            return false;
        }
        return true;
    }

    /** Which of the post's ids is not one, or null: its own is required; its author's, thread's and parent's may be missing. */
    private static String oddId(Mention m) {
        if (!Mention.isId(m.id())) {
            return "id";
        }
        if (m.author() != null && m.author().id() != null && !Mention.isId(m.author().id())) {
            return "author's id";
        }
        if (m.conversationId() != null && !Mention.isId(m.conversationId())) {
            return "thread's id";
        }
        return m.inReplyToId() != null && !Mention.isId(m.inReplyToId()) ? "parent's id" : null;
    }

    /** A value as an alert can show it: at most 40 characters, nothing invisible. */
    private static String shown(String value) {
        if (value == null) {
            return "?";
        }
        StringBuilder b = new StringBuilder();
        value.codePoints().limit(40).forEach(cp -> b.appendCodePoint(Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
                || Character.getType(cp) == Character.SURROGATE ? '?' : cp));
        return value.codePointCount(0, value.length()) > 40 ? b + "…" : b.toString();
    }

    public void done(Mention m) {
        try {
            mentions.triaged(m.platform(), m.id());
        } finally {
            held.remove(Held.of(m));
        }
        metrics.postTriaged(m.platform().id(), m.account());
    }

    /**
     * Records the failure and says whether the feed goes on: not while attempts are left (the failure
     * goes back to the feed, whose cursor stays, and the post comes again with it); yes once the post
     * is set aside. When the triage is shared, the claim is released instead and the feed goes on: any
     * node claims the post again after {@link Sharing#retryAfter}.
     *
     * @return true if the failure is dealt with here, false if it goes back to the feed
     */
    public boolean failed(Mention m, Throwable cause) {
        // Whatever becomes of this attempt, the node stops renewing its claim: an unreleased claim runs out.
        held.remove(Held.of(m));
        String error = summary(cause);
        int attempts = mentions.triageFailed(m.platform(), m.id(), error);
        String post = m.platform().id() + " post " + m.id() + " by " + m.author().handle();
        if (sharing != null) {
            // Set aside, it is free at once for a person's retry; else it waits its pause.
            mentions.release(m.platform(), m.id(), sharing.node(), attempts < maxAttempts ? sharing.retryAfter() : Duration.ZERO);
        }
        if (attempts < maxAttempts) {
            String message = "Triage of " + post + " failed (attempt " + attempts + " of " + maxAttempts + "): " + error;
            if (sharing != null) {
                LOG.warn("{}; any node tries it again in {}", message, spoken(sharing.retryAfter()));
                LOG.debug("Cause of the failed triage of {}", post, cause);
                return true;
            }
            LOG.warn("{}; it comes again with its feed", message);
            LOG.debug("Cause of the failed triage of {}", post, cause);
            return false;
        }
        LOG.error("Set aside {} after {} failed attempts: {}", post, attempts, error, cause);
        alerts.raise("triage", null, "Could not process " + post + " after " + attempts + " attempts (" + error
                + "); it waits under \"Could not process\" to be retried");
        return true;
    }

    /**
     * The post goes to the triage threads. An earlier attempt of it still running on one of them (stuck, its
     * feed gave up waiting) fails this one at once: one post never holds two threads, so a post that hangs
     * its triage costs one thread until it ends, not one per attempt.
     *
     * @throws StillTriaging when its earlier attempt still runs
     */
    public void dispatch(Mention m) throws StillTriaging {
        Held key = Held.of(m);
        Attempt earlier = underWay.get(key);
        Instant started = earlier == null ? null : earlier.started;
        if (started != null) {
            throw new StillTriaging("its attempt before still runs, for " + shortly(Duration.between(started, clock.instant())));
        }
        underWay.put(key, new Attempt());
    }

    /** A triage thread took the post. */
    public void started(Mention m) {
        Attempt a = underWay.get(Held.of(m));
        if (a != null) {
            a.started = clock.instant();
        }
    }

    /** The post's triage ended, however it went (its feed may have stopped waiting long ago): its thread is free. */
    public void ended(Mention m) {
        underWay.remove(Held.of(m));
        stalledSince = null;
    }

    /** Thrown for a post whose earlier attempt is still under way on this node. */
    public static final class StillTriaging extends Exception {
        StillTriaging(String message) {
            super(message);
        }
    }

    /**
     * The feed stopped waiting for the post's triage after {@code timeoutMillis}. Once a triage thread had
     * taken it, a failed attempt like any other (the post comes again, then is set aside), so a post that
     * keeps a stage busy never holds back the posts after it. One that waited all that time for a free
     * thread did nothing wrong: its attempt is taken back and it comes again with its feed (shared, any
     * node claims it after the pause), and the triage counts as stalled (an alert, the health check) until a
     * thread is free again.
     */
    public boolean timedOut(Mention m, long timeoutMillis) {
        String took = spoken(Duration.ofMillis(timeoutMillis));
        Held key = Held.of(m);
        Attempt a = underWay.get(key);
        if (a == null || a.started != null || !underWay.remove(key, a)) {
            return failed(m, new TimeoutException("took longer than " + took));
        }
        mentions.attemptWithdrawn(m.platform(), m.id());
        stalled(m, took);
        if (sharing != null) {
            held.remove(key);
            mentions.release(m.platform(), m.id(), sharing.node(), sharing.retryAfter());
            return true;
        }
        return false;
    }

    private void stalled(Mention m, String took) {
        Instant now = clock.instant();
        boolean first = stalledSince == null;
        if (first) {
            stalledSince = now;
        }
        String running = startedAttempts().limit(3)
                .map(e -> e.getKey().platform().id() + " post " + e.getKey().id() + " for " + shortly(Duration.between(e.getValue(), now)))
                .collect(Collectors.joining(", "));
        String message = "Triage stalled: " + m.platform().id() + " post " + m.id() + " waited " + took
                + " for a free triage thread, every one busy" + (running.isEmpty() ? "" : " (the longest: " + running + ")")
                + "; posts wait with their feeds, none is lost";
        LOG.warn(message);
        if (first && alerts.openOfKind(STALLED, 1).isEmpty()) {
            alerts.raise(STALLED, null, message);
        }
    }

    /** The alerts' kind for a triage whose threads were all busy past the timeout. */
    public static final String STALLED = "triage-stalled";

    /** Since when posts have waited in vain for a free triage thread on this node; empty while triage flows. */
    public Optional<Instant> stalledSince() {
        return Optional.ofNullable(stalledSince);
    }

    /** The posts whose triage runs on this node now, with when it started, the longest first. */
    public List<Map.Entry<String, Instant>> running() {
        return startedAttempts().map(e -> Map.entry(e.getKey().platform().id() + "/" + e.getKey().id(), e.getValue())).toList();
    }

    /** The attempts a triage thread has taken, with when, the longest running first. */
    private java.util.stream.Stream<Map.Entry<Held, Instant>> startedAttempts() {
        return underWay.entrySet().stream().map(e -> Map.entry(e.getKey(), Optional.ofNullable(e.getValue().started)))
                .filter(e -> e.getValue().isPresent()).map(e -> Map.entry(e.getKey(), e.getValue().get()))
                .sorted(Map.Entry.comparingByValue());
    }

    /** "0.3s", "1m30s": a duration as the log and the console say it. */
    private static String spoken(Duration d) {
        return d.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    private static String shortly(Duration d) {
        return spoken(d.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The first line of the error, short enough to read in the console (the log has the whole trace). */
    static String summary(Throwable cause) {
        String message = cause == null ? null : cause.getMessage();
        if (message == null || message.isBlank()) {
            return cause == null ? "unknown error" : cause.getClass().getName();
        }
        String line = message.strip().lines().findFirst().orElse("").strip();
        return line.length() <= 240 ? line : line.substring(0, 239) + "…";
    }

    public List<MentionStore.SetAside> setAside(int limit) {
        return mentions.setAside(maxAttempts, limit);
    }

    /**
     * Readies a set-aside post for one more attempt, on this node and now (in the audit log): the post
     * returned is admitted (or claimed) for the triage, as the intake admits a post. Empty when there is
     * no such post set aside.
     */
    public Optional<Mention> retry(Platform platform, String id, String actor) {
        boolean ready = sharing != null ? mentions.retryClaimed(platform, id, maxAttempts, sharing.node(), sharing.lease())
                : mentions.retryTriage(platform, id, maxAttempts);
        if (!ready) {
            return Optional.empty();
        }
        audit.record(actor, "post.retry", platform.id() + "/" + id, null);
        Optional<Mention> post = mentions.find(platform, id);
        if (sharing != null) {
            post.ifPresent(m -> held.add(Held.of(m)));
        }
        // Counted as the intake counts a post it lets through; the shared triage counted it with the claim.
        return sharing != null ? post : post.filter(m -> mentions.admit(m, maxAttempts));
    }

    /** Lets a set-aside post go without a reply (in the audit log); false when there is no such post set aside. */
    public boolean dismiss(Platform platform, String id, String actor) {
        if (!mentions.dismissTriage(platform, id, maxAttempts)) {
            return false;
        }
        audit.record(actor, "post.dismiss", platform.id() + "/" + id, null);
        return true;
    }

    /** The post when it is set aside (after a retry: when that failed too). */
    public Optional<MentionStore.SetAside> setAside(Platform platform, String id) {
        return mentions.findSetAside(platform, id, maxAttempts);
    }
}
