package org.careloop.analysis;

import java.util.Locale;

/**
 * The customer's main feeling, from the set a care agent acts on: name it and validate it before
 * anything else.
 */
public record Emotion(Label label, double confidence) {

    public enum Label {
        ANGER, FRUSTRATION, ANXIETY, CONFUSION, DISAPPOINTMENT, JOY, GRATITUDE, NONE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final Emotion NONE = new Emotion(Label.NONE, 0);
}
