package org.careloop.analysis;

import java.util.Locale;

/**
 * How the labelled care-action posts ({@code conversations/actions-dev.jsonl}) are split: three
 * in ten are held back, never read while writing cues, templates or knowledge, and measured by
 * {@code evaluate}. The split goes by the post's normalised text (no handles, links, case or
 * punctuation), so a retweet or repost lands on the same side as its original.
 */
public final class ActionsSplit {

    private ActionsSplit() {}

    public static boolean heldBack(String text) {
        return NearDuplicates.bucket(normalise(text), "", 10) < 3;
    }

    static String normalise(String text) {
        String t = text.toLowerCase(Locale.ROOT).replaceAll("https?://\\S+", "").replaceAll("@\\w+", "").strip();
        t = t.replaceFirst("^rt\\b", "");
        return String.join(" ", t.replaceAll("[^\\p{L}\\p{N}_]+", " ").trim().split("\\s+"));
    }
}
