package org.careloop.care;

import java.time.Instant;
import org.careloop.analysis.Analysis;
import org.careloop.platform.Mention;
import org.careloop.rules.Decision;

/**
 * A public reply waiting for approval, with everything an agent needs to judge it.
 *
 * @param id          CareLoop's id of the draft
 * @param mention     the post it answers
 * @param analysis    what the analysis understood of the post
 * @param ruleId      the rule that produced it
 * @param templateId  the template it was rendered from (the variant, when the rule compares several)
 * @param text        the reply text
 * @param status      where it is in its life
 * @param createdAt   when it was drafted
 * @param deadline    the first-response target: the post's time + 10 minutes
 * @param decidedBy   who approved or rejected it ({@link #AUTO} for unattended mode), or null
 * @param decidedAt   when, or null
 * @param publishedId the platform's id of the published reply, or null
 * @param error       why publishing failed or the rejection reason, or null
 * @param work        how the team handles it: priority, claim, snooze, assignment, unattended gate, SLA
 */
public record Draft(
        long id,
        Mention mention,
        Analysis analysis,
        String ruleId,
        String templateId,
        String text,
        DraftStatus status,
        Instant createdAt,
        Instant deadline,
        String decidedBy,
        Instant decidedAt,
        String publishedId,
        String error,
        Work work) {

    /** The actor recorded for what unattended mode does. */
    public static final String AUTO = "careloop:auto";

    public Draft {
        work = work == null ? Work.initial(Kind.REPLY, Decision.Action.REPLY, Decision.Priority.NORMAL, text, 1, true) : work;
    }

    /** A plain reply at normal priority, for callers that do not care about the workflow. */
    public Draft(long id, Mention mention, Analysis analysis, String ruleId, String templateId, String text, DraftStatus status,
                 Instant createdAt, Instant deadline, String decidedBy, Instant decidedAt, String publishedId, String error) {
        this(id, mention, analysis, ruleId, templateId, text, status, createdAt, deadline, decidedBy, decidedAt, publishedId, error, null);
    }

    /** The same draft, worked on differently (e.g. given its ticket). */
    public Draft withWork(Work w) {
        return new Draft(id, mention, analysis, ruleId, templateId, text, status, createdAt, deadline, decidedBy, decidedAt, publishedId, error, w);
    }

    /** A reply to a post, the holding reply the SLA sends when no approved reply is out in time, or a ticket's public closing message. */
    public enum Kind { REPLY, HOLDING, CLOSING }

    /**
     * @param kind          reply or holding reply
     * @param action        the rule's action (a ticket's reply carries its link once tickets exist)
     * @param priority      ordering after the time left
     * @param originalText  the text as drafted (tells edited from unedited approvals)
     * @param variants      how many templates the rule compares (1: no A/B test)
     * @param autoPublish   the rule lets unattended mode publish it
     * @param autoPublished unattended mode published it
     * @param gate          why unattended mode left it to a person, or null
     * @param claimedBy     the agent working on it, or null
     * @param claimedUntil  when the claim lapses
     * @param assignedTo    the agent it is assigned to, or null
     * @param snoozedUntil  hidden from the queue until then, or null
     * @param escalated     the team was alerted (rule or SLA breach)
     * @param warnedAt      when the SLA warning fired, or null
     * @param breachedAt    when the SLA was breached, or null
     * @param ticketId      the ticket the reply belongs to, or null
     * @param parts         what the text was built from (opening, core template, what a ticket asks, "detail"), for reports
     */
    public record Work(Kind kind, Decision.Action action, Decision.Priority priority, String originalText, int variants,
                       boolean autoPublish, boolean autoPublished, String gate, String claimedBy, Instant claimedUntil,
                       String assignedTo, Instant snoozedUntil, boolean escalated, Instant warnedAt, Instant breachedAt, Long ticketId,
                       java.util.List<String> parts) {

        public Work {
            parts = parts == null ? java.util.List.of() : java.util.List.copyOf(parts);
        }

        public static Work initial(Kind kind, Decision.Action action, Decision.Priority priority, String text, int variants,
                                   boolean autoPublish) {
            return new Work(kind, action, priority, text, variants, autoPublish, false, null, null, null, null, null, false, null, null, null, null);
        }

        public Work withTicket(Long ticket) {
            return new Work(kind, action, priority, originalText, variants, autoPublish, autoPublished, gate, claimedBy, claimedUntil,
                    assignedTo, snoozedUntil, escalated, warnedAt, breachedAt, ticket, parts);
        }

        public Work escalate() {
            return new Work(kind, action, priority, originalText, variants, autoPublish, autoPublished, gate, claimedBy, claimedUntil,
                    assignedTo, snoozedUntil, true, warnedAt, breachedAt, ticketId, parts);
        }

        public Work withParts(java.util.List<String> built) {
            return new Work(kind, action, priority, originalText, variants, autoPublish, autoPublished, gate, claimedBy, claimedUntil,
                    assignedTo, snoozedUntil, escalated, warnedAt, breachedAt, ticketId, built);
        }

        /** The claim holder while the claim lasts. */
        public String holder(Instant now) {
            return claimedBy != null && claimedUntil != null && claimedUntil.isAfter(now) ? claimedBy : null;
        }
    }

    /** True when a person changed the text before approving. */
    public boolean edited() {
        return work.originalText() != null && !work.originalText().equals(text);
    }
}
