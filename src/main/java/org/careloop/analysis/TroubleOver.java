package org.careloop.analysis;

import java.util.regex.Pattern;

/**
 * A post that says its trouble is over: rebooked, home on their own, the bag on its way, the purchase made, the complaint
 * sent elsewhere. The care action is an apology with nothing to look up, and the reply never offers to get them on their way.
 */
public final class TroubleOver {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private TroubleOver() {}

    /**
     * The trouble is over and they say so: rebooked, home on their own, the bag on its way, the purchase made, the
     * complaint already sent elsewhere. Sorry for what it cost them, but nothing is left to look up.
     */
    static final Pattern DONE_WITH = Pattern.compile(
            "\\b(i'?m|i am|we'?re|we are|i was|we were|got|been|now) (now |finally |already )?(re-?booked|booked on|on (a|the) (later|next|new|other) flight)\\b"
                    + "|\\balready (sorted|rebooked|booked|purchased|bought)\\b|\\bdone with my (purchase|booking)\\b"
                    + "|\\b(bag|bags|luggage|suitcase) (is|are) on (the|its|their) way\\b|\\b(finds?|found) a solution\\b|\\bmade it home on (my|our) own\\b"
                    + "|\\b(sent|emailed|wrote) (a |an )?(email|message|letter|complaint) to (customer relations|customer care|corporate)\\b", FLAGS);
    /** ...unless something is still to be put right (a refund, a charge, a bag still missing, a thing they need) or never was. */
    static final Pattern STILL_OWED = Pattern.compile("\\b(refund\\w*|charg\\w*|compensat\\w*|reimburs\\w*|voucher|still (missing|lost|waiting|no)|"
            + "where (is|are)|lost|missing|need(s|ed)? to|asked for|"
            // "I have not been rebooked", "no one ... told them what flights they were rebooked on": not over at all.
            + "(haven'?t|hasn'?t|have not|has not|not|never|no one|nobody)( \\w+){0,8} (re-?booked|booked))\\b", FLAGS);

    /** Whether the post says the trouble is over with nothing left owed ("I'm rebooked now, but the line was 300 deep"). */
    public static boolean in(String text) {
        String words = text == null ? "" : CareActions.plain(text);
        // A question left ("who pays for my discomfort?") is not over.
        return DONE_WITH.matcher(words).find() && !STILL_OWED.matcher(words).find() && words.indexOf('?') < 0;
    }
}
