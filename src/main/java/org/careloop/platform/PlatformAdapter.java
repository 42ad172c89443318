package org.careloop.platform;

import java.util.List;

/**
 * One connected platform account. Every platform implements this one shape (fetch, publish,
 * identify), so the pipeline, the health checks and the console never depend on a platform's API.
 * Implementations are plain Java: no Camel types.
 */
public interface PlatformAdapter {

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

    /** Publishes a public reply in the thread of the post it answers. */
    Published publish(Reply reply) throws PlatformException;

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
