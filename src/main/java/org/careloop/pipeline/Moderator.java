package org.careloop.pipeline;

import java.time.Clock;
import java.util.Optional;
import org.careloop.platform.Connections;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.careloop.platform.PlatformAdapter;
import org.careloop.platform.PlatformException;
import org.careloop.rules.Decision;
import org.careloop.care.AuditLog;
import org.careloop.pipeline.MentionStore.Moderation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hides a troll's or spammer's comment on its platform when the rules say {@code hide}, and hides
 * or shows one again when an agent asks; never deletes. Each change is recorded with the post
 * (state, reason, who, when, the platform's error) and in the audit log. A platform that fails or
 * cannot hide leaves the comment as it was, with the error shown in the console to retry by hand.
 */
public final class Moderator {

    private static final Logger LOG = LoggerFactory.getLogger(Moderator.class);

    private final MentionStore mentions;
    private final Connections connections;
    private final AuditLog audit;
    private final Clock clock;

    public Moderator(MentionStore mentions, Connections connections, AuditLog audit, Clock clock) {
        this.mentions = mentions;
        this.connections = connections;
        this.audit = audit;
        this.clock = clock;
    }

    /** Pipeline step after the decision: carries out a {@code hide}; any other decision passes untouched. */
    public Triage moderate(Triage triage) {
        Decision d = triage.decision();
        if (d != null && d.action() == Decision.Action.HIDE) {
            Mention m = triage.mention();
            setHidden(m, true, "rule:" + d.ruleId(), d.reason());
        }
        return triage;
    }

    /**
     * Hides or shows a post as {@code actor} asks.
     *
     * @return the moderation recorded, or empty when CareLoop never saw the post
     */
    public Optional<Moderation> setHidden(Platform platform, String postId, boolean hidden, String actor, String reason) {
        return mentions.find(platform, postId).map(m -> setHidden(m, hidden, actor, reason));
    }

    private Moderation setHidden(Mention m, boolean hidden, String actor, String reason) {
        Moderation before = mentions.findModeration(m.platform(), m.id()).orElse(null);
        // Showing a comment again keeps the reason it was hidden for, so the record still says why.
        String why = reason != null && !reason.isBlank() ? reason.trim() : before == null ? null : before.reason();
        String subject = m.platform().id() + "/" + m.id();
        Moderation now;
        try {
            PlatformAdapter adapter = connections.adapter(m.account()).orElseThrow(() -> new PlatformException(
                    PlatformException.Kind.REJECTED, "No connected account named '" + m.account() + "'", null));
            adapter.hide(m.id(), hidden);
            connections.succeeded(m.account());
            now = new Moderation(hidden, why, actor, clock.instant(), null);
            audit.record(actor, hidden ? "post.hide" : "post.unhide", subject, why);
            LOG.info("{} {} post {} ({})", actor, hidden ? "hid" : "showed again", subject, why);
        } catch (PlatformException e) {
            if (connections.status(m.account()).isPresent()) {
                connections.failed(m.account(), e);
            }
            boolean still = before != null && before.hidden();
            now = new Moderation(still, why, actor, clock.instant(), e.getMessage());
            audit.record(actor, hidden ? "post.hide-failed" : "post.unhide-failed", subject, e.getMessage());
            LOG.warn("Could not {} post {}: {}", hidden ? "hide" : "show", subject, e.getMessage());
        }
        mentions.saveModeration(m.platform(), m.id(), now);
        return now;
    }
}
