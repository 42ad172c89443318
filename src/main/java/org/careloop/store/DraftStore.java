package org.careloop.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.careloop.care.Draft;
import org.careloop.care.DraftStatus;

/**
 * Drafts and their outbox. Approval writes the draft's new state and its outbox entry in one
 * transaction, so an approved reply is never lost and never queued twice.
 */
public interface DraftStore {

    /** Stores a new pending draft (its id is ignored) and returns it with its id. */
    Draft create(Draft draft);

    Optional<Draft> find(long id);

    /** The first reply drafted to a post (not a holding or closing message), if there is one. */
    Optional<Draft> replyTo(String platform, String mentionId);

    /** Drafts in one status, the earliest deadline first; all statuses when {@code status} is null. */
    List<Draft> list(DraftStatus status, int limit);

    /**
     * The approval queue: pending drafts, the least time left first, then the highest priority.
     *
     * @param snoozed false for the drafts to work on now, true for the snoozed ones
     */
    List<Draft> queue(Instant now, boolean snoozed, int limit);

    /** Drafts no longer pending (approved, published, failed, rejected), the latest decision first. */
    List<Draft> decided(int limit);

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
     * Outbox entries due for publishing, oldest first: waiting ones whose time has come, and ones
     * left {@link OutboxStatus#SENDING} past their lease (the attempt never reported back).
     */
    List<OutboxEntry> due(Instant now, int limit);

    /** The outbox entry of a draft, once approved. */
    Optional<OutboxEntry> outboxOf(long draftId);

    /**
     * Records an attempt as in flight before the platform is called: the entry becomes
     * {@link OutboxStatus#SENDING} and is not due again until {@code leaseUntil}, so that neither
     * another publisher nor a restart sends it meanwhile, and so that an attempt which never
     * reports back is known to have maybe reached the platform.
     *
     * @return false when the entry was not due any more (another publisher took it first)
     */
    boolean markSending(long outboxId, Instant now, Instant leaseUntil);

    /** The platform accepted the reply: the draft becomes published, the entry done. */
    void published(long outboxId, String publishedId, Instant at);

    /** A failed attempt: retry at {@code nextAttempt}, or give up when it is null (draft failed). */
    void attemptFailed(long outboxId, String error, Instant nextAttempt);

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

    /** Records the SLA breach once (and marks the draft escalated); false when recorded before. */
    boolean markBreached(long id, Instant at);

    /** The texts of the latest replies drafted to one author, newest first (rejected ones left out). */
    List<String> recentRepliesTo(String platform, String authorId, int limit);

    /** The texts drafted on one account since then (rejected ones aside): no account says the same thing twice in a day. */
    List<String> repliesOnAccountSince(String platform, String account, Instant since);

    /** Replies unattended mode approved on an account since a time, for one author or (authorId null) for all. */
    int autoApprovedSince(String platform, String account, String authorId, Instant since);

    /** True when a reply to the post is approved or published (the SLA's holding reply is then not needed). */
    boolean replyUnderway(String platform, String mentionId);

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

    /**
     * The platform's rate limit stopped the attempt: it waits until {@code until} without
     * spending an attempt, since nothing is wrong with the reply.
     */
    void rateLimited(long outboxId, String error, Instant until);

    /** Where an outbox entry is: waiting, being sent, published, or given up. */
    enum OutboxStatus { PENDING, SENDING, DONE, FAILED }

    /**
     * One reply waiting to be published.
     *
     * @param id            outbox id, the idempotency key of the publish
     * @param draftId       the draft it publishes
     * @param platform      platform id
     * @param account       configured account name
     * @param inReplyToId   the post answered
     * @param text          the approved text
     * @param attempts      failed attempts so far (since the last manual retry)
     * @param status        where the entry is
     * @param attemptedAt   when the platform was last called for it, or null if never
     * @param nextAttemptAt when it is due (for {@link OutboxStatus#SENDING}: when the attempt's lease ends)
     * @param lastError     the last attempt's error, or null
     */
    record OutboxEntry(long id, long draftId, String platform, String account, String inReplyToId, String text, int attempts,
                       OutboxStatus status, Instant attemptedAt, Instant nextAttemptAt, String lastError) {

        /** The platform may already have this reply: an earlier attempt reached it or may have. */
        public boolean attemptedBefore() {
            return attemptedAt != null;
        }
    }
}
