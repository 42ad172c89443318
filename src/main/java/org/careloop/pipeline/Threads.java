package org.careloop.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.careloop.care.DraftStore;
import org.careloop.platform.Conversation;
import org.careloop.platform.Mention;

/**
 * What came before a post in its thread: the customers' earlier posts CareLoop stored, the brand's own posts
 * its feeds read there (replies the team wrote on the platform itself included) and the replies CareLoop
 * published (each once: a published reply its feed read back is that post).
 */
public final class Threads {

    /** Enough for any real thread; a long pile-on is read from its latest posts. */
    static final int MOST = 20;

    private final MentionStore mentions;
    private final DraftStore drafts;

    public Threads(MentionStore mentions, DraftStore drafts) {
        this.mentions = mentions;
        this.drafts = drafts;
    }

    public Conversation before(Mention m) {
        // A post that starts its conversation has the conversation's id as its own.
        if (m.conversationId() == null || m.conversationId().equals(m.id()) && m.inReplyToId() == null) {
            return Conversation.NONE;
        }
        Instant at = m.createdAt();
        List<Conversation.Turn> turns = new ArrayList<>();
        var analyses = mentions.analysesInThread(m.platform(), m.conversationId());
        for (Mention earlier : mentions.thread(m.platform(), m.conversationId())) {
            if (earlier.id().equals(m.id()) || earlier.retweet() || !before(earlier, m)) {
                continue;
            }
            if (earlier.fromBrand()) {
                // Our reply as the platform gave it back: one CareLoop published, or one the team wrote there. The
                // brand's own post that starts the thread (an announcement, a promotion) is nobody's reply.
                if (earlier.inReplyToId() != null) {
                    turns.add(new Conversation.Turn(true, earlier.text(), earlier.createdAt()));
                }
            } else {
                var analysis = analyses.get(earlier.id());
                String care = analysis == null ? null : analysis.care().label().id();
                turns.add(new Conversation.Turn(false, earlier.text(), earlier.createdAt(), care));
            }
        }
        for (Conversation.Turn reply : drafts.repliesInConversation(m.platform().id(), m.conversationId())) {
            if (at == null || reply.at() == null || reply.at().isBefore(at)) {
                turns.add(reply);
            }
        }
        turns.sort(Comparator.comparing(Conversation.Turn::at, Comparator.nullsFirst(Comparator.naturalOrder())));
        return new Conversation(turns.subList(Math.max(0, turns.size() - MOST), turns.size()));
    }

    /**
     * Whether a stored post came before the one being decided. X gives times to the second: a customer's answer
     * posted within the second of the team's reply has the same time, and the post it answers, or an X post with a
     * lower id (ids grow with time), is still the earlier one.
     */
    private static boolean before(Mention earlier, Mention m) {
        Instant at = m.createdAt();
        if (at == null || earlier.createdAt() == null || earlier.createdAt().isBefore(at)) {
            return true;
        }
        if (!earlier.createdAt().equals(at)) {
            return false;
        }
        return earlier.id().equals(m.inReplyToId()) || SNOWFLAKE.matcher(earlier.id()).matches() && SNOWFLAKE.matcher(m.id()).matches()
                && new java.math.BigInteger(earlier.id()).compareTo(new java.math.BigInteger(m.id())) < 0;
    }

    private static final java.util.regex.Pattern SNOWFLAKE = java.util.regex.Pattern.compile("\\d{1,30}");
}
