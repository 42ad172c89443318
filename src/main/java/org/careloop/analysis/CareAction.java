package org.careloop.analysis;

import java.util.Locale;

/**
 * The one right move for a post, as a care lead would make it (shared/review/ACTIONS.md): answer
 * it in public, take it to a ticket, apologise, thank, engage lightly, escalate to a person, or
 * leave it alone.
 *
 * @param label      the action
 * @param urgent     time matters now: travel today, stranded, money taken twice, an outage
 * @param confidence how sure the cues are, 0 to 1
 */
public record CareAction(Label label, boolean urgent, double confidence) {

    /** A fan hoping to win a giveaway ("pick me", "would be amazing to win"): engaged, never a case; the reply wishes them luck. */
    public static final java.util.regex.Pattern CONTEST = CareActions.CONTEST;
    /** "Read my previous tweets": what the customer said before was missed. */
    public static final java.util.regex.Pattern READ_BACK = CareActions.READ_BACK;

    /** A fault on our site or app reported for us to fix, by someone not blocked by it: thanked and passed on. */
    public static boolean bugReport(String text) {
        return CareActions.bugReport(text);
    }

    public enum Label {
        /** One public post can answer it with the brand's own facts. */
        ANSWER,
        /** Needs troubleshooting or the customer's own record: a private channel. */
        TICKET,
        /** Dissatisfaction with the details given, nothing to look up. */
        APOLOGIZE,
        /** Praise or thanks: thank them for the specific thing. */
        THANK,
        /** A fan post, a joke, banter: a light touch. */
        ENGAGE,
        /** Safety, health, legal, discrimination, a stranded or vulnerable person: a person at once. */
        ESCALATE,
        /** Spam, bait, an insult with no issue, chatter not for the brand: no reply. */
        IGNORE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Label of(String id) {
            return valueOf(id.trim().toUpperCase(Locale.ROOT));
        }
    }

    public static final CareAction UNKNOWN = new CareAction(Label.ENGAGE, false, 0);
}
