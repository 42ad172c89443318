package org.careloop.analysis;

import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import java.util.List;

/**
 * The features the linear models read: words and word pairs (negation marked), character
 * n-grams inside words (misspellings, and the endings that carry meaning in Russian), emoji, and
 * the surface signals (shouting, elongation, exclamation).
 */
public final class Features {

    private Features() {}

    public static Counter<String> of(SocialText t) {
        Counter<String> f = new ClassicCounter<>();
        f.setCount("BIAS", 1);
        List<String> tokens = t.tokens;
        String previous = "<s>";
        for (String w : tokens) {
            f.incrementCount("w=" + w);
            f.incrementCount("b=" + previous + "_" + w);
            previous = w;
            if (w.length() >= 4 && !w.startsWith("<") && w.codePoints().allMatch(Character::isLetter)) {
                String padded = "^" + w + "$";
                for (int n = 3; n <= 5; n++) {
                    for (int i = 0; i + n <= padded.length(); i++) {
                        f.incrementCount("c=" + padded.substring(i, i + n), 0.2);
                    }
                }
            }
        }
        f.incrementCount("b=" + previous + "_</s>");
        if (t.shouted > 0) {
            f.setCount("sig=shouting", Math.min(3, t.shouted));
        }
        if (t.elongated > 0) {
            f.setCount("sig=elongated", 1);
        }
        if (t.exclamations > 0) {
            f.setCount("sig=exclamation", Math.min(3, t.exclamations));
        }
        if (t.questions > 0) {
            f.setCount("sig=question", 1);
        }
        return f;
    }
}
