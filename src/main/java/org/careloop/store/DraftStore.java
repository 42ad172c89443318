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

    /** Drafts in one status, the earliest deadline first; all statuses when {@code status} is null. */
    List<Draft> list(DraftStatus status, int limit);

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

    /** Outbox entries due for publishing, oldest first. */
    List<OutboxEntry> due(Instant now, int limit);

    /** The platform accepted the reply: the draft becomes published, the entry done. */
    void published(long outboxId, String publishedId, Instant at);

    /** A failed attempt: retry at {@code nextAttempt}, or give up when it is null (draft failed). */
    void attemptFailed(long outboxId, String error, Instant nextAttempt);

    /**
     * One reply waiting to be published.
     *
     * @param id          outbox id, the idempotency key of the publish
     * @param draftId     the draft it publishes
     * @param platform    platform id
     * @param account     configured account name
     * @param inReplyToId the post answered
     * @param text        the approved text
     * @param attempts    failed attempts so far
     */
    record OutboxEntry(long id, long draftId, String platform, String account, String inReplyToId, String text, int attempts) {}
}
