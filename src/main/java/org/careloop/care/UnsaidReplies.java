package org.careloop.care;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.careloop.platform.Mention;

/**
 * Drafts a reply in words the account has not used: not to this customer lately, not to anyone in the
 * last day (X refuses a repeat, and a care team should not sound like a form), and not by a reply being
 * drafted at this moment on this node or another (its text is taken in the database before it is stored).
 * Every kind of reply goes through here: first replies, holding replies, closing messages.
 */
public final class UnsaidReplies {

    /** How long an account does not say the same words twice. */
    public static final Duration DAY = Duration.ofHours(24);
    private static final int TO_AUTHOR = 5;

    private final DraftStore drafts;
    private final RecentTexts texts;
    private final Clock clock;

    public UnsaidReplies(DraftStore drafts, RecentTexts texts, Clock clock) {
        this.drafts = drafts;
        this.texts = texts;
        this.clock = clock;
    }

    /** What the account said lately: to this author first, newest first (never the same text twice in a row), then to anyone in the last day. */
    public List<String> said(Mention m) {
        List<String> said = new ArrayList<>(drafts.recentRepliesTo(m.platform().id(), m.author().id(), TO_AUTHOR));
        said.addAll(drafts.repliesOnAccountSince(m.platform().id(), m.account(), clock.instant().minus(DAY)));
        return said;
    }

    /**
     * The draft {@code draft} makes knowing what was said; while another reply holds its text, asked again with that
     * text counted as said. A text the drafter gives again had no other phrasing left, and stays.
     */
    public Draft draft(Mention m, Function<List<String>, Draft> draft) {
        List<String> said = said(m);
        Draft d = draft.apply(said);
        while (d.text() != null && !d.text().isEmpty() && !texts.take(m.platform().id(), m.account(), d.text(), clock.instant())
                && !said.contains(d.text())) {
            said.add(d.text());
            d = draft.apply(said);
        }
        return d;
    }
}
