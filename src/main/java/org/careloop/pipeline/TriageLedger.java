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
 */
public final class TriageLedger {

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

    public TriageLedger(MentionStore mentions, Alerts alerts, AuditLog audit, int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("Setting careloop.triage.max-attempts must be at least 1, not " + maxAttempts);
        }
        this.mentions = mentions;
        this.alerts = alerts;
        this.audit = audit;
        this.maxAttempts = maxAttempts;
    }

    /** Whether to triage the post now: new, or an earlier attempt failed and attempts are left. */
    public boolean admit(Mention m) {
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
        return mentions.admit(m, maxAttempts);
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
     * returns once the post is set aside, so its feed goes on.
     */
    public void failed(Mention m, Throwable cause) throws TriageFailed {
        String error = summary(cause);
        int attempts = mentions.triageFailed(m.platform(), m.id(), error);
        String post = m.platform().id() + " post " + m.id() + " by " + m.author().handle();
        if (attempts < maxAttempts) {
            throw new TriageFailed("Triage of " + post + " failed (attempt " + attempts + " of " + maxAttempts + "): " + error, cause);
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

    /** Readies a set-aside post for one more attempt (in the audit log); empty when there is no such post set aside. */
    public Optional<Mention> retry(Platform platform, String id, String actor) {
        if (!mentions.retryTriage(platform, id, maxAttempts)) {
            return Optional.empty();
        }
        audit.record(actor, "post.retry", platform.id() + "/" + id, null);
        return mentions.find(platform, id);
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
