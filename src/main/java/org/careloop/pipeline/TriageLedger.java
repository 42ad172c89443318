package org.careloop.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
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
 * again after a pause, and the post of a node that died is claimed again once its lease runs out.
 */
public final class TriageLedger {

    /**
     * The triage shared by the nodes on one database.
     *
     * @param node       this node's name in the claims (and, once a post is triaged, the node that triaged it)
     * @param lease      how long a claim holds without its node finishing: longer than a triage may take, since
     *                   another node takes the post after it
     * @param retryAfter how long a failed attempt waits before any node tries the post again
     */
    public record Sharing(String node, Duration lease, Duration retryAfter) {

        public Sharing {
            if (node == null || node.isBlank()) {
                throw new IllegalArgumentException("A node sharing the triage needs a name");
            }
            if (lease.isNegative() || lease.isZero() || retryAfter.isNegative()) {
                throw new IllegalArgumentException("Setting careloop.triage.claim-lease must be positive and careloop.triage.retry-after "
                        + "not negative, got " + lease + " and " + retryAfter);
            }
        }

        /**
         * {@code careloop.triage.claim-lease} and {@code careloop.triage.retry-after}; the lease must be longer than
         * {@code careloop.triage.timeout}, or a node still triaging a post could lose it to another and both would.
         */
        public static Sharing fromSettings(org.careloop.config.Settings settings, String node) {
            Duration timeout = settings.getDuration("careloop.triage.timeout", Duration.ofSeconds(60));
            Duration lease = settings.getDuration("careloop.triage.claim-lease", Duration.ofSeconds(90));
            if (lease.compareTo(timeout) <= 0) {
                throw new IllegalArgumentException("Setting careloop.triage.claim-lease (" + lease + ") must be longer than careloop.triage.timeout ("
                        + timeout + "): a node still triaging a post would lose its claim, and another node would triage the post too");
            }
            return new Sharing(node, lease, settings.getDuration("careloop.triage.retry-after", Duration.ofSeconds(10)));
        }
    }

    private volatile org.careloop.metrics.CareMetrics metrics = org.careloop.metrics.CareMetrics.NONE;

    /** Counts the posts triaged. */
    public TriageLedger withMetrics(org.careloop.metrics.CareMetrics metrics) {
        this.metrics = metrics;
        return this;
    }

    private static final Logger LOG = LoggerFactory.getLogger(TriageLedger.class);

    /** A triage that failed and will be tried again when the feed delivers the post again. */
    public static final class TriageFailed extends Exception {
        TriageFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final MentionStore mentions;
    private final Alerts alerts;
    private final AuditLog audit;
    private final int maxAttempts;
    /** Null when this node triages the posts it polls itself. */
    private final Sharing sharing;

    public TriageLedger(MentionStore mentions, Alerts alerts, AuditLog audit, int maxAttempts) {
        this(mentions, alerts, audit, maxAttempts, null);
    }

    /** @param sharing how the nodes share the triage, or null when this node triages what it polls */
    public TriageLedger(MentionStore mentions, Alerts alerts, AuditLog audit, int maxAttempts, Sharing sharing) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("Setting careloop.triage.max-attempts must be at least 1, not " + maxAttempts);
        }
        this.mentions = mentions;
        this.alerts = alerts;
        this.audit = audit;
        this.maxAttempts = maxAttempts;
        this.sharing = sharing;
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
        return mentions.claim(sharedBy().node(), sharing.lease(), maxAttempts).orElse(null);
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
        mentions.triaged(m.platform(), m.id());
        metrics.postTriaged(m.platform().id(), m.account());
    }

    /**
     * Records the failure. Throws while attempts are left (the post comes again with its feed);
     * returns once the post is set aside, so its feed goes on. When the triage is shared, the claim is
     * released instead of thrown back: any node claims the post again after {@link Sharing#retryAfter}.
     */
    public void failed(Mention m, Throwable cause) throws TriageFailed {
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
                LOG.warn("{}; any node tries it again in {}", message, sharing.retryAfter().toString().substring(2).toLowerCase(Locale.ROOT));
                LOG.debug("Cause of the failed triage of {}", post, cause);
                return;
            }
            throw new TriageFailed(message, cause);
        }
        LOG.error("Set aside {} after {} failed attempts: {}", post, attempts, error, cause);
        alerts.raise("triage", null, "Could not process " + post + " after " + attempts + " attempts (" + error
                + "); it waits under \"Could not process\" to be retried");
    }

    /**
     * The triage took longer than {@code timeoutMillis} and the feed stopped waiting for it: a failed
     * attempt like any other (the post comes again, then is set aside), so a post that keeps a stage
     * busy never holds back the posts after it.
     */
    public void timedOut(Mention m, long timeoutMillis) throws TriageFailed {
        failed(m, new TimeoutException("took longer than " + Duration.ofMillis(timeoutMillis).toString().substring(2).toLowerCase(Locale.ROOT)));
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
