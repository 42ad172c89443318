package org.careloop.platform;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What came before a post in its conversation, as CareLoop saw it: the customers' earlier posts and the
 * brand's published replies, oldest first. A reply in a thread is judged with it ("iPhone 7 Plus" answers
 * the question we asked; "nothing there helped" is about the link we gave).
 *
 * @param turns the earlier posts, oldest first; empty for a post that starts its conversation or one whose
 *              earlier posts CareLoop never saw
 */
public record Conversation(List<Turn> turns) {

    /**
     * One earlier post: the brand's reply or a customer's post; {@code at} may be null when unknown.
     * {@code care} is the care action the analysis proposed for a customer's post (null when not known).
     */
    public record Turn(boolean brand, String text, Instant at, String care) {

        public Turn(boolean brand, String text, Instant at) {
            this(brand, text, at, null);
        }
    }

    /** Care actions that make a case: a later "iPhone 7 Plus" goes on with it, however the words alone read. */
    private static final java.util.Set<String> CASES = java.util.Set.of("ticket", "apologize", "escalate", "answer");

    public static final Conversation NONE = new Conversation(List.of());

    public Conversation {
        turns = turns == null ? List.of() : List.copyOf(turns);
    }

    public boolean brandReplied() {
        return turns.stream().anyMatch(Turn::brand);
    }

    /** The brand's latest reply, the one a customer's follow-up most likely answers. */
    public Optional<String> lastBrandReply() {
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (turns.get(i).brand()) {
                return Optional.ofNullable(turns.get(i).text());
            }
        }
        return Optional.empty();
    }

    /** A customer's earlier post in the thread was a problem or a question (not a fan's banter). */
    public boolean caseOpen() {
        return turns.stream().anyMatch(t -> !t.brand() && t.care() != null && CASES.contains(t.care()));
    }

    /** What the customers said before, oldest first (details given there need not be asked for again). */
    public List<String> customerSaid() {
        return turns.stream().filter(t -> !t.brand() && t.text() != null).map(Turn::text).toList();
    }
}
