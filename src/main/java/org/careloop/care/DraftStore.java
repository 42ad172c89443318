package org.careloop.care;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Drafts and their outbox. Approval writes the draft's new state and its outbox entry in one
 * transaction, so an approved reply is never lost and never queued twice; the {@link Outbox} sends it.
 */
public interface DraftStore {

    /** Stores a new pending draft (its id is ignored) and returns it with its id. */
    Draft create(Draft draft);

    Optional<Draft> find(long id);

    /** The draft the platform published as post {@code publishedId}, if CareLoop published it. */
    Optional<Draft> publishedAs(String platform, String publishedId);

    /** Every draft for a post (replies, holding replies, closing messages), in any status, oldest first. */
    List<Draft> forPost(String platform, String mentionId);

    /** The first reply drafted to a post (not a holding or closing message), if there is one. */
    Optional<Draft> replyTo(String platform, String mentionId);

    /** Drafts in one status, the earliest deadline first; all statuses when {@code status} is null. */
    default List<Draft> list(DraftStatus status, int limit) {
        return list(status, null, limit);
    }

    /**
     * One page of {@link #list(DraftStatus, int)}.
     *
     * @param after the id of the last draft of the page before (the next page starts after it in the same order), or null for the first
     */
    List<Draft> list(DraftStatus status, Long after, int limit);

    /**
     * The approval queue: pending drafts, the least time left first, then the highest priority.
     *
     * @param snoozed false for the drafts to work on now, true for the snoozed ones
     */
    default List<Draft> queue(Instant now, boolean snoozed, int limit) {
        return queue(now, snoozed, null, limit);
    }

    /**
     * One page of the queue. Pages follow each other by key, not by position: a draft decided
     * while an agent reads one page shifts no draft of the next page onto it or off it.
     *
     * @param after the id of the last draft of the page before, or null for the first page
     */
    List<Draft> queue(Instant now, boolean snoozed, Long after, int limit);

    /** How many drafts the queue holds (or snoozed ones), however many a page shows. */
    int queueSize(Instant now, boolean snoozed);

    /** Drafts no longer pending (approved, published, failed, rejected), the latest decision first. */
    default List<Draft> decided(int limit) {
        return decided(null, limit);
    }

    /** One page of {@link #decided(int)}, after the draft with id {@code after} (null: the first page). */
    List<Draft> decided(Long after, int limit);

    /**
     * Approves a pending draft, optionally with edited text, and queues it in the outbox.
     *
     * @return the approved draft, or empty when it was not pending (someone else acted first)
     */
    Optional<Draft> approve(long id, String actor, String editedText, Instant at);

    /** Rejects a pending draft with a reason; empty when it was not pending. */
    Optional<Draft> reject(long id, String actor, String reason, Instant at);

    /**
     * A failed draft goes back into the outbox for another round of attempts (a person's retry);
     * the outbox keeps the record of earlier attempts, so the platform is checked before sending.
     *
     * @return the approved draft, or empty when it was not failed
     */
    Optional<Draft> retry(long id, String actor, Instant at);

    /**
     * Claims a pending draft for one agent until {@code until}, so two agents never work on it at once.
     * Renewing one's own claim succeeds; a live claim by someone else does not.
     */
    Claim claim(long id, String actor, Instant until, Instant now);

    /** The outcome of a claim: whether the caller holds it, and the draft as it now is (null when unknown). */
    record Claim(boolean granted, Draft draft) {}

    /** Gives up one's own claim; false when the caller did not hold it. */
    boolean release(long id, String actor);

    /** Hides a pending draft from the queue until {@code until}; empty when it is not pending or someone else holds it. */
    Optional<Draft> snooze(long id, String actor, Instant until, Instant now);

    /** Assigns a pending draft to an agent (blank: nobody). */
    Optional<Draft> assign(long id, String actor, String assignee, Instant now);

    /** Records why unattended mode left the draft to a person. */
    void holdForPerson(long id, String gate);

    /** Records the SLA warning once; false when it was recorded before or the draft is no longer pending. */
    boolean markWarned(long id, Instant at);

    /**
     * Claims the holding reply of a pending draft, once: false when it was claimed before (by this
     * node or another whose timer fired too) or the draft is no longer pending.
     */
    boolean markHeld(long id, Instant at);

    /** Records the SLA breach once (and marks the draft escalated); false when recorded before. */
    boolean markBreached(long id, Instant at);

    /** A pending reply with SLA milestones due and not yet taken: which of them. */
    record SlaDue(long draftId, boolean warn, boolean hold, boolean breach) {}

    /**
     * The pending replies (drafts of kind {@link Draft.Kind#REPLY}, no reply to their post approved or
     * published) with a milestone due and not yet taken: the warning when the deadline is at or before
     * {@code warnBy}, the holding reply at or before {@code holdBy}, the breach at or before
     * {@code breachBy}. The earliest deadline first, at most {@code limit}.
     */
    List<SlaDue> slaDue(Instant warnBy, Instant holdBy, Instant breachBy, int limit);

    /** The replies published (or approved for publishing) in a conversation, as turns of it, oldest first. */
    List<org.careloop.platform.Conversation.Turn> repliesInConversation(String platform, String conversationId);

    /** The texts of the latest replies drafted to one author, newest first (rejected ones left out). */
    List<String> recentRepliesTo(String platform, String authorId, int limit);

    /** The texts drafted on one account since then (rejected ones aside): no account says the same thing twice in a day. */
    List<String> repliesOnAccountSince(String platform, String account, Instant since);

    /** Replies unattended mode approved on an account since a time, for one author or (authorId null) for all. */
    int autoApprovedSince(String platform, String account, String authorId, Instant since);

    /** True when a reply to the post is approved or published (the SLA's holding reply is then not needed). */
    boolean replyUnderway(String platform, String mentionId);

    /** Every draft in the database, counted by status (statuses with none are left out): the operators' gauge. */
    java.util.Map<DraftStatus, Integer> countByStatus();

    /** When the platform accepted the post's first reply, or empty while none is published. */
    Optional<Instant> firstReplyAt(String platform, String mentionId);

    /** Posts since a time that got a published reply, with when the first one was accepted. */
    List<Response> responses(Instant since);

    /** @param firstAt when the platform accepted the first reply */
    record Response(String platform, String mentionId, Instant postedAt, Instant firstAt) {}

    /** What became of each reply drafted since a time, for the per-rule and per-variant reports. */
    List<Outcome> outcomes(Instant since);

    /**
     * @param nextSentiment the sentiment of the customer's next post in the thread, or null
     */
    record Outcome(String ruleId, String templateId, int variants, DraftStatus status, boolean autoPublished, boolean edited,
                   String nextSentiment, List<String> parts) {

        public Outcome {
            parts = parts == null ? List.of() : List.copyOf(parts);
        }

        public Outcome(String ruleId, String templateId, int variants, DraftStatus status, boolean autoPublished, boolean edited,
                       String nextSentiment) {
            this(ruleId, templateId, variants, status, autoPublished, edited, nextSentiment, List.of());
        }
    }
}
