package org.careloop.care;

import com.twitter.twittertext.TwitterTextConfiguration;
import com.twitter.twittertext.TwitterTextParser;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Post length the way X counts it (twitter-text: CJK and emoji weigh 2, every link 23), and cutting
 * to fit, both in time linear in the text: a post's words are outside input (a display name of
 * 100,000 characters), and twitter-text's link pattern takes time quadratic in the length of a run
 * without spaces (2,000 characters of "a.a.a" take seconds).
 */
public final class XText {

    public static final int LIMIT = 280;

    static final String ELLIPSIS = ReplyLength.ELLIPSIS;
    private static final TwitterTextConfiguration CONFIG = TwitterTextParser.TWITTER_TEXT_DEFAULT_CONFIG;

    /**
     * Runs without white space up to this long are counted by twitter-text; a longer run by its
     * characters' weights alone, which is never less than X counts unless the run holds a link
     * shorter than 23 characters.
     */
    static final int EXACT_RUN = 128;

    /** Words and the white space between them: a link, an emoji sequence or a composed character never spans white space. */
    private static final Pattern RUNS = Pattern.compile("\\S+|\\s+");

    private XText() {}

    public static int weightedLength(String text) {
        return weigh(text, Integer.MAX_VALUE);
    }

    /** Whether the text weighs at most {@code limit}; reads no further than the limit reaches. */
    public static boolean fits(String text, int limit) {
        return weigh(text, limit) <= limit;
    }

    /** The text's weight, read up to where it passes {@code max}. */
    private static int weigh(String text, int max) {
        int weight = 0;
        Matcher run = RUNS.matcher(text);
        while (weight <= max && run.find()) {
            weight += weight(run.group());
        }
        return weight;
    }

    /**
     * Cuts text to fit the limit at a word boundary, with an ellipsis; a first word too long on its
     * own is cut inside. Reads no further than the limit reaches.
     */
    public static String fit(String text, int limit) {
        List<int[]> words = new ArrayList<>(); // start, end, and the weight of the text before the word
        int weight = 0;
        Matcher run = RUNS.matcher(text);
        while (run.find()) {
            if (!Character.isWhitespace(text.charAt(run.start()))) {
                words.add(new int[] {run.start(), run.end(), weight});
            }
            weight += weight(run.group());
            if (weight > limit) {
                return cut(text, words, limit);
            }
        }
        return text;
    }

    /** After the last word that still fits with the ellipsis joined to it (counted as one run: a link stays a link), else inside the first. */
    private static String cut(String text, List<int[]> words, int limit) {
        for (int i = words.size() - 1; i >= 0; i--) {
            int[] w = words.get(i);
            if (w[2] + weight(text.substring(w[0], w[1]) + ELLIPSIS) <= limit) {
                return text.substring(0, w[1]) + ELLIPSIS;
            }
        }
        return within(text, (limit - weight(ELLIPSIS)) * CONFIG.getScale()).stripTrailing() + ELLIPSIS;
    }

    private static int weight(String run) {
        // twitter-text counts a text of white space (and controls) alone as nothing: those are counted here.
        if (run.length() <= EXACT_RUN && !run.trim().isEmpty()) {
            return TwitterTextParser.parseTweet(run).weightedLength;
        }
        int scaled = 0;
        for (int i = 0; i < run.length(); i += Character.charCount(run.codePointAt(i))) {
            scaled += weight(run.codePointAt(i));
        }
        return scaled / CONFIG.getScale();
    }

    /** The weight of one character, times the configuration's scale. */
    private static int weight(int codePoint) {
        for (TwitterTextConfiguration.TwitterTextWeightedRange r : CONFIG.getRanges()) {
            if (r.getRange().isInRange(codePoint)) {
                return r.getWeight();
            }
        }
        return CONFIG.getDefaultWeight();
    }

    /** The longest start of the text whose characters weigh at most {@code scaledBudget} (times the scale). */
    private static String within(String text, int scaledBudget) {
        int scaled = 0;
        int end = 0;
        while (end < text.length()) {
            int c = text.codePointAt(end);
            scaled += weight(c);
            if (scaled > scaledBudget) {
                break;
            }
            end += Character.charCount(c);
        }
        return text.substring(0, end);
    }
}
