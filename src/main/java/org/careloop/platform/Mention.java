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

    /** The longest id CareLoop keeps (its store's id columns): X's ids are at most 19 digits, the Graph API's some 40 characters. */
    public static final int MAX_ID = 64;

    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1," + MAX_ID + "}");

    /**
     * Whether a value the platform gives as an id looks like one: at most {@value #MAX_ID} letters, digits,
     * underscores or dashes, as every platform's are. Ids go into the store's columns and into the paths of
     * the platform's API ({@code <id>/comments}); anything else can be neither.
     */
    public static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** Customer posts are the ones the pipeline analyses and answers. */
    public boolean isCustomerPost() {
        return !retweet && !fromBrand;
    }
}
