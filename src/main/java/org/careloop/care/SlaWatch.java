package org.careloop.care;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.careloop.metrics.CareMetrics;
import org.careloop.webhook.Webhook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reply's SLA milestones: a warning before the deadline, a holding reply in unattended mode when no
 * approved reply is out in time, and an escalation at breach. {@link #sweep} finds in the database the
 * milestones that came due and fires each; each step checks the draft's state first (the reply may
 * have gone out meanwhile) and is taken once with a compare-and-set in the database, so however many
 * nodes sweep, each milestone fires once.
 */
public final class SlaWatch {

    private static final Logger LOG = LoggerFactory.getLogger(SlaWatch.class);

    /** The three milestones. */
    public enum Milestone { WARN, HOLD, BREACH }

    /** Drafts read per query of a sweep, and the most queries one sweep makes (the rest waits for the next). */
    static final int SWEEP_PAGE = 200;
    static final int SWEEP_PAGES = 25;

    private final DraftStore drafts;
    private final Drafter drafter;
    private final UnsaidReplies unsaid;
    private final UnattendedGate gate;
    private final Alerts alerts;
    private final Webhook webhook;
    private final SlaPolicy policy;
    private final Clock clock;
    private volatile CareMetrics metrics = CareMetrics.NONE;

    public SlaWatch(DraftStore drafts, Drafter drafter, UnsaidReplies unsaid,
            UnattendedGate gate, Alerts alerts, Webhook webhook, SlaPolicy policy, Clock clock) {
        this.drafts = drafts;
        this.drafter = drafter;
        this.unsaid = unsaid;
        this.gate = gate;
        this.alerts = alerts;
        this.webhook = webhook;
        this.policy = policy;
        this.clock = clock;
    }

    /** Counts the warnings and breaches. */
    public SlaWatch withMetrics(CareMetrics metrics) {
        this.metrics = metrics;
        return this;
    }

    public SlaPolicy policy() {
        return policy;
    }

    public void fire(Milestone milestone, long draftId) {
        Draft d = drafts.find(draftId).orElse(null);
        if (d == null || d.status() != DraftStatus.PENDING) {
            return;
        }
        if (drafts.replyUnderway(d.mention().platform().id(), d.mention().id())) {
            return;
        }
        Instant now = clock.instant();
        switch (milestone) {
            case WARN -> {
                if (drafts.markWarned(draftId, now)) {
                    metrics.slaWarning(d.mention().platform().id(), d.mention().account());
                    alerts.raise("sla-warning", draftId, "Reply to @" + d.mention().author().handle() + " due in "
                            + minutes(now, d) + " (draft " + draftId + ")");
                }
            }
            case HOLD -> hold(d, now);
            case BREACH -> {
                if (drafts.markBreached(draftId, now)) {
                    metrics.slaBreach(d.mention().platform().id(), d.mention().account());
                    String message = "No public reply to @" + d.mention().author().handle() + " within the "
                            + policy.firstResponse().toMinutes() + "-minute target (draft " + draftId + ")";
                    alerts.raise("sla-breach", draftId, message);
                    webhook.send("sla.breach", Map.of("draftId", draftId, "platform", d.mention().platform().id(),
                            "account", d.mention().account(), "postId", d.mention().id(),
                            "permalink", String.valueOf(d.mention().permalink()), "deadline", d.deadline().toString(),
                            "message", message));
                    LOG.warn(message);
                }
            }
        }
    }

    /**
     * Fires every milestone that came due and was not taken yet: the scheduled sweep (routes/sla.yaml),
     * on whichever node the scheduler runs it. A draft that fails is logged and does not stop the others.
     *
     * @return how many drafts had a milestone due
     */
    public int sweep() {
        Instant now = clock.instant();
        int due = 0;
        for (int page = 0; page < SWEEP_PAGES; page++) {
            List<DraftStore.SlaDue> batch = drafts.slaDue(now.plus(policy.warnBefore()),
                    now.plus(policy.firstResponse()).minus(policy.holdingAfter()), now, SWEEP_PAGE);
            for (DraftStore.SlaDue d : batch) {
                try {
                    if (d.warn()) {
                        fire(Milestone.WARN, d.draftId());
                    }
                    if (d.hold()) {
                        fire(Milestone.HOLD, d.draftId());
                    }
                    if (d.breach()) {
                        fire(Milestone.BREACH, d.draftId());
                    }
                } catch (RuntimeException e) {
                    LOG.error("SLA milestone of draft {} failed", d.draftId(), e);
                }
            }
            due += batch.size();
            if (batch.size() < SWEEP_PAGE) {
                break;
            }
        }
        return due;
    }

    /**
     * At start-up, the milestones that passed while CareLoop was stopped: each is taken (so the sweep
     * stays quiet about it) and the team gets one alert for all of them, not a wall of identical
     * lines. The holding reply is left to the sweep: in unattended mode a late one still beats none.
     *
     * @return how many drafts had passed their deadline
     */
    public int catchUp() {
        Instant now = clock.instant();
        int warned = 0;
        int breached = 0;
        for (int page = 0; page < SWEEP_PAGES * 10; page++) {
            // The holding reply is not asked for (due before the epoch): only warnings and breaches are taken here.
            List<DraftStore.SlaDue> batch = drafts.slaDue(now.plus(policy.warnBefore()), Instant.EPOCH, now, SWEEP_PAGE);
            for (DraftStore.SlaDue due : batch) {
                Draft d = drafts.find(due.draftId()).orElse(null);
                if (d == null) {
                    continue;
                }
                if (due.breach()) {
                    drafts.markWarned(d.id(), now);
                    if (drafts.markBreached(d.id(), now)) {
                        breached++;
                        metrics.slaBreach(d.mention().platform().id(), d.mention().account());
                    }
                } else if (drafts.markWarned(d.id(), now)) {
                    warned++;
                    metrics.slaWarning(d.mention().platform().id(), d.mention().account());
                }
            }
            if (batch.size() < SWEEP_PAGE) {
                break;
            }
        }
        if (breached > 0) {
            String message = breached + (breached == 1 ? " reply" : " replies") + " passed the " + policy.firstResponse().toMinutes()
                    + "-minute target while CareLoop was stopped";
            // One alert that counts as every one of them where the console sums the breaches.
            alerts.raise("sla-breach", null, message, breached);
            LOG.warn(message);
        }
        if (warned > 0) {
            alerts.raise("sla-warning", null, warned + (warned == 1 ? " reply is" : " replies are") + " close to the "
                    + policy.firstResponse().toMinutes() + "-minute target after the restart", warned);
        }
        return breached;
    }

    /** Unattended mode only: acknowledge publicly and say when they will hear back; the draft stays for the team. */
    private void hold(Draft d, Instant now) {
        if (!gate.active(d.mention().account())) {
            // Taken all the same, as a timer fires once: the sweep does not ask again for a holding reply unattended mode did not want.
            drafts.markHeld(d.id(), now);
            return;
        }
        if (!drafts.markHeld(d.id(), now)) {
            return; // another node's timer (or an earlier firing) took this milestone
        }
        var m = d.mention();
        Draft holding = drafts.create(unsaid.draft(m, said -> drafter.holding(d, "sla-holding", now, policy.holdingTemplate(), said)));
        UnattendedGate.Verdict verdict = gate.check(holding);
        if (verdict.pass() && drafts.approve(holding.id(), Draft.AUTO, null, now).isPresent()) {
            LOG.info("Holding reply {} sent for draft {}: no approved reply {} after the post", holding.id(), d.id(), policy.holdingAfter());
        } else {
            drafts.reject(holding.id(), Draft.AUTO, "holding reply not sent: " + String.join("; ", verdict.reasons()), now);
        }
    }

    private static String minutes(Instant now, Draft d) {
        long s = Math.max(0, java.time.Duration.between(now, d.deadline()).toSeconds());
        return s / 60 + " min " + s % 60 + " s";
    }
}
