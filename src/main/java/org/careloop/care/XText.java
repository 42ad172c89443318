package org.careloop.care;

import com.twitter.twittertext.TwitterTextParser;

/** Post length the way X counts it (twitter-text: CJK and emoji weigh 2, every link 23), and cutting to fit. */
public final class XText {

    public static final int LIMIT = 280;

    private XText() {}

    public static int weightedLength(String text) {
        return TwitterTextParser.parseTweet(text).weightedLength;
    }

    /** Cuts text to fit the limit at a word boundary, with an ellipsis. */
    public static String fit(String text, int limit) {
        if (weightedLength(text) <= limit) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && weightedLength(cut + "…") > limit) {
            int space = cut.lastIndexOf(' ');
            cut = space > 0 ? cut.substring(0, space) : cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
        }
        return cut.stripTrailing() + "…";
    }
}
