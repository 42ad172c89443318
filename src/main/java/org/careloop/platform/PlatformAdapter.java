package org.careloop.platform;

import java.util.List;
import java.util.Optional;

/**
 * One connected platform account. Every platform implements this one shape (fetch, publish,
 * identify), so the pipeline, the health checks and the console never depend on a platform's API.
 * Implementations are plain Java: no Camel types.
 */
public interface PlatformAdapter {

    /** How long a connector waits to connect to its platform; a call may last this plus its read timeout. */
    java.time.Duration CONNECT_TIMEOUT = java.time.Duration.ofSeconds(10);

    /**
     * The shortest outbox lease that never takes a call still waiting for its platform for a lost one:
     * twice the longest call, so a publish sent in the lease's first half has finished before it ends.
     */
    static java.time.Duration minimumLease(java.time.Duration readTimeout) {
        return readTimeout.plus(CONNECT_TIMEOUT).multipliedBy(2);
    }

    /** The platform this adapter speaks to. */
    Platform platform();

    /** The configured account name (e.g. {@code brand}), unique across platforms. */
    String account();

    /** The feeds this account polls, e.g. {@code mentions} and {@code search}. */
    List<String> feeds();

    /**
     * Posts newer than {@code sinceCursor} on one feed, oldest first, following pagination.
     *
     * @param feed        one of {@link #feeds()}
     * @param sinceCursor the cursor returned by the previous call, or null on the first poll
     * @return the new posts (retweets and the brand's own posts included, flagged) and the cursor to store
     */
    Batch fetch(String feed, String sinceCursor) throws PlatformException;

    /**
     * Publishes a public reply in the thread of the post it answers. The platform is asked once:
     * an adapter never retries a write itself, since only the caller can check the thread first.
     */
    Published publish(Reply reply) throws PlatformException;

    /**
     * The reply as already published by this account, if it is: a post of the account's own, in
     * reply to {@code reply.inReplyToId()}, with the same text. Called before sending a reply again
     * after an attempt whose outcome is unknown (timeout, 5xx, crash), so it is never posted twice.
     * An adapter that cannot look refuses, so the reply fails for a person to check rather than
     * risking a second copy.
     */
    default Optional<Published> findReply(Reply reply) throws PlatformException {
        throw new PlatformException(PlatformException.Kind.REJECTED, platform().id() + " account " + account()
                + " cannot look up its published replies; check the thread by hand", null);
    }

    /**
     * Hides a customer's comment from the public (a troll's, a spammer's), or shows it again; never
     * deletes it. Platforms that cannot hide refuse.
     */
    default void hide(String postId, boolean hidden) throws PlatformException {
        throw new PlatformException(PlatformException.Kind.REJECTED, platform().id() + " cannot hide posts", null);
    }

    /** Asks the platform who the credentials belong to; the health check of the connection. */
    Identity identify() throws PlatformException;

    /** New posts and the cursor to resume from; {@code nextCursor} equals the input when nothing is new. */
    record Batch(List<Mention> mentions, String nextCursor) {}

    /**
     * A reply to publish.
     *
     * @param key         idempotency key (the outbox id), so a retry can be recognised
     * @param inReplyToId the platform id of the post answered
     * @param text        the reply text
     */
    record Reply(String key, String inReplyToId, String text) {}

    /** The platform's id and public URL of a published reply. */
    record Published(String id, String permalink) {}

    /** The account the credentials belong to. */
    record Identity(String id, String handle, String name) {}
}
