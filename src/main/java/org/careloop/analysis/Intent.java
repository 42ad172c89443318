package org.careloop.analysis;

import java.util.Locale;

/** What a post wants from the brand. */
public record Intent(Label label, double confidence) {

    public enum Label {
        /** Answerable publicly. */
        QUESTION,
        /** Needs troubleshooting or private details: a ticket. */
        PROBLEM,
        /** Dissatisfaction to acknowledge. */
        COMPLAINT,
        PRAISE,
        SPAM,
        OTHER;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final Intent UNKNOWN = new Intent(Label.OTHER, 0);
}
