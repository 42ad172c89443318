package org.careloop.care;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.careloop.platform.Mention;

/**
 * Drafts a reply in words the account has not used: not to this customer lately, not to anyone in the
 * last day (X refuses a repeat, and a care team should not sound like a form), and not by a reply being
 * drafted at this moment on this node or another (its text is taken in the ledger before it is stored).
 * Every kind of reply goes through here: first replies, holding replies, closing messages.
 */
public final class UnsaidReplies {

    private static final int TO_AUTHOR = 5;

    private final DraftStore drafts;
    private final RecentTexts texts;
    private final Clock clock;

    public UnsaidReplies(DraftStore drafts, RecentTexts texts, Clock clock) {
        this.drafts = drafts;
        this.texts = texts;
        this.clock = clock;
    }

    /** What the account said lately, as the drafter asks it for this customer's reply. */
    public Said said(Mention m) {
        return said(m, Set.of());
    }

    private Said said(Mention m, Set<String> lost) {
        List<String> toAuthor = drafts.recentRepliesTo(m.platform().id(), m.author().id(), TO_AUTHOR);
        return new Said() {
            @Override
            public String last() {
                return toAuthor.isEmpty() ? "" : toAuthor.get(0);
            }

            @Override
            public Set<String> among(List<String> candidates) {
                Set<String> said = new HashSet<>(texts.takenAmong(m.platform().id(), m.account(), candidates, clock.instant()));
                candidates.stream().filter(t -> toAuthor.contains(t) || lost.contains(t)).forEach(said::add);
                return said;
            }
        };
    }

    /**
     * The draft {@code draft} makes knowing what was said; when another reply took its text meanwhile, asked again
     * with that text counted as said. A text the drafter gives again had no other phrasing left, and stays.
     */
    public Draft draft(Mention m, Function<Said, Draft> draft) {
        Set<String> lost = new HashSet<>();
        Said said = said(m, lost);
        Draft d = draft.apply(said);
        while (d.text() != null && !d.text().isEmpty() && !texts.take(m.platform().id(), m.account(), d.text(), clock.instant())
                && lost.add(d.text())) {
            d = draft.apply(said);
        }
        return d;
    }
}
