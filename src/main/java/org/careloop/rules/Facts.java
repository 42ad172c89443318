package org.careloop.rules;

import java.time.Instant;
import org.careloop.analysis.Analysis;
import org.careloop.platform.Conversation;
import org.careloop.platform.Mention;

/**
 * Everything a rule may look at: the post, its analysis, and what CareLoop knows around it.
 *
 * @param mention      the post
 * @param analysis     what the analysis understood of it
 * @param now          the time of the decision (business hours are checked against it)
 * @param recentPosts  how many other posts the same author sent in the repeat-poster window
 * @param conversation what came before the post in its thread (our replies, their earlier posts)
 */
public record Facts(Mention mention, Analysis analysis, Instant now, int recentPosts, Conversation conversation) {

    public Facts {
        conversation = conversation == null ? Conversation.NONE : conversation;
    }

    public Facts(Mention mention, Analysis analysis, Instant now, int recentPosts) {
        this(mention, analysis, now, recentPosts, Conversation.NONE);
    }

    public static Facts of(Mention mention, Analysis analysis) {
        return new Facts(mention, analysis, Instant.now(), 0);
    }
}
