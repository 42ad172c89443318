package org.careloop.analysis;

/**
 * Offensive language (insults, slurs, swearing), whoever it comes from and whatever it wants: an
 * angry customer who swears is offensive and still a customer ({@link Troll} decides about bait).
 *
 * @param label true when the post's language is offensive
 * @param score from 0 to 1; the label is true from {@link #THRESHOLD}
 */
public record Offensive(boolean label, double score) {

    public static final double THRESHOLD = 0.5;

    public static final Offensive NONE = new Offensive(false, 0);

    /** The label that goes with a score. */
    public static Offensive of(double score) {
        return new Offensive(score >= THRESHOLD, score);
    }
}
