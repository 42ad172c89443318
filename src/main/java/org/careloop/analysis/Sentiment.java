package org.careloop.analysis;

import java.util.Locale;

/**
 * Polarity of a post.
 *
 * @param label      negative, neutral or positive
 * @param score      from -1 (most negative) to 1 (most positive)
 * @param confidence from 0 to 1
 */
public record Sentiment(Label label, double score, double confidence) {

    public enum Label {
        NEGATIVE, NEUTRAL, POSITIVE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
