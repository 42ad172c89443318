package org.careloop.analysis;

import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import java.util.List;

/**
 * The features the linear models read: words and word pairs (negation marked), character
 * n-grams inside words (misspellings, and the endings that carry meaning in Russian), emoji, the
 * surface signals (shouting, elongation, exclamation), the words' valence in VADER's lexicon, and
 * their Twitter word clusters ({@link WordClusters}).
 */
public final class Features {

    /** The prefix of the word-cluster features, which a model may be trained without. */
    static final String CLUSTER = "k=";

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
            clusters(w, f);
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
        lexicon(SentimentLexicon.score(tokens), f);
        return f;
    }

    /** The word's Twitter cluster, negation kept. */
    private static void clusters(String token, Counter<String> f) {
        boolean negated = token.endsWith("_NEG");
        String path = WordClusters.path(negated ? token.substring(0, token.length() - 4) : token);
        if (path == null) {
            return;
        }
        f.incrementCount(CLUSTER + path + (negated ? "_NEG" : ""));
    }

    /** Dense lexicon scores, and the compound in five bins so the model can bend the scale. */
    private static void lexicon(SentimentLexicon.Score s, Counter<String> f) {
        if (s.positiveWords() > 0) {
            f.setCount("lex=pos", s.positiveWords());
            f.setCount("lexs=pos", Math.log1p(s.positive()));
        }
        if (s.negativeWords() > 0) {
            f.setCount("lex=neg", s.negativeWords());
            f.setCount("lexs=neg", Math.log1p(s.negative()));
        }
        double c = s.compound();
        f.setCount("lexs=comp", c);
        f.setCount(c > 0.5 ? "lexb=vp" : c > 0.05 ? "lexb=p" : c < -0.5 ? "lexb=vn" : c < -0.05 ? "lexb=n" : "lexb=0", 1);
    }
}
