package org.careloop.care;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Counts text the way X does: most scripts weigh 1 per character, CJK and emoji 2, every link 23. */
public final class XText {

    public static final int LIMIT = 280;
    private static final int URL_WEIGHT = 23;
    private static final Pattern URL = Pattern.compile("https?://\\S+");

    private XText() {}

    public static int weightedLength(String text) {
        Matcher m = URL.matcher(text);
        int length = 0;
        int last = 0;
        while (m.find()) {
            length += weigh(text.substring(last, m.start())) + URL_WEIGHT;
            last = m.end();
        }
        return length + weigh(text.substring(last));
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

    private static int weigh(String s) {
        return s.codePoints().map(cp -> light(cp) ? 1 : 2).sum();
    }

    /** X's weight-1 ranges: Latin through Hangul Jamo and the common punctuation blocks. */
    private static boolean light(int cp) {
        return (cp >= 0 && cp <= 4351) || (cp >= 8192 && cp <= 8205) || (cp >= 8208 && cp <= 8223) || (cp >= 8242 && cp <= 8247);
    }
}
