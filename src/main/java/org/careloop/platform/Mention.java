package org.careloop.platform;

import java.time.Instant;

/**
 * A post about the brand, normalised from any platform: the unit the pipeline works on.
 *
 * @param platform       where it was posted
 * @param account        the configured CareLoop account that saw it (e.g. {@code brand})
 * @param id             the platform's post id, unique per platform
 * @param author         who wrote it
 * @param text           the text as posted
 * @param lang           ISO 639-1 language as reported by the platform, or null
 * @param createdAt      when it was posted
 * @param conversationId the thread it belongs to (X conversation_id), or its own id
 * @param inReplyToId    the post it answers, or null
 * @param permalink      public URL of the post
 * @param retweet        true for a repost of someone else's post (never a customer post)
 * @param fromBrand      true when the brand's own account wrote it (never a customer post)
 */
public record Mention(
        Platform platform,
        String account,
        String id,
        Author author,
        String text,
        String lang,
        Instant createdAt,
        String conversationId,
        String inReplyToId,
        String permalink,
        boolean retweet,
        boolean fromBrand) {

    /** Customer posts are the ones the pipeline analyses and answers. */
    public boolean isCustomerPost() {
        return !retweet && !fromBrand;
    }
}
