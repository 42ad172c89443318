package org.careloop.analysis;

import java.util.List;

/**
 * Trolling, bait or abuse aimed at provoking the brand. Angry is not troll: a customer who swears
 * about a lost bag is a customer.
 *
 * @param label     true when the post should not be answered
 * @param score     from 0 to 1
 * @param offensive the language is offensive (insults, slurs), whoever it comes from
 * @param reasons   the signals that fired, in words
 */
public record Troll(boolean label, double score, boolean offensive, List<String> reasons) {

    public Troll {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public static final Troll NONE = new Troll(false, 0, false, List.of());
}
