package org.careloop.marketing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Locale;
import org.careloop.platform.Author;
import org.careloop.platform.Platform;

/**
 * One item of the praise feed: a customer's kind post, ready for marketing to share.
 *
 * @param id        the feed's id of the item; newer items have larger ids (the paging key)
 * @param platform  where it was posted
 * @param postId    the platform's id of the post
 * @param account   the CareLoop account that saw it
 * @param author    who wrote it
 * @param text      the post as written
 * @param permalink the post's public URL
 * @param lang      the post's language, or null
 * @param score     the analysis's sentiment score, from -1 to 1 (1: most positive)
 * @param postedAt  when the customer posted it
 * @param addedAt   when it entered the feed
 * @param source    why it entered
 * @param addedBy   the agent who shared it ({@link Source#AGENT}), else null
 */
public record Praise(long id, Platform platform, String postId, String account, Author author, String text, String permalink,
                     String lang, double score, Instant postedAt, Instant addedAt, Source source, String addedBy) {

    /** Why a post entered the feed. */
    public enum Source {
        /** The analysis called it praise (and not troll or spam). */
        ANALYSIS,
        /** The matched rule says {@code marketing: true}. */
        RULE,
        /** An agent shared it with marketing from the console or the API. */
        AGENT;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The item as the JSON API and the webhook send it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record View(long id, String platform, String postId, String account, PraiseAuthor author, String text, String permalink,
                       String lang, double score, Instant postedAt, Instant addedAt, String source, String addedBy) {}

    /** Named apart from web.DraftView.AuthorView: the API's document names schemas by simple class name, and two alike break its references. */
    public record PraiseAuthor(String id, String handle, String name) {}

    public View view() {
        return new View(id, platform.id(), postId, account, new PraiseAuthor(author.id(), author.handle(), author.name()), text, permalink,
                lang, Math.round(score * 1000) / 1000.0, postedAt, addedAt, source.id(), addedBy);
    }
}
