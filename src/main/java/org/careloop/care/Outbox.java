package org.careloop.care;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Replies waiting to be published: an entry is written with the draft's approval ({@link DraftStore#approve},
 * {@link DraftStore#retry}), in the same transaction, and the {@link Publisher} sends what is due, once.
 */
public interface Outbox {

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
