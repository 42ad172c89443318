package org.careloop.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * VADER's sentiment lexicon (Hutto and Gilbert 2014): the mean valence, -4 to 4, that raters gave
 * some 7,500 English words, emoticons and slang of social media. It arrives with the VADER Java
 * port on Maven Central; only the word list is read. It gives the linear models a prior on words
 * they saw too rarely in training to weigh themselves. Russian words come from a short list of our own
 * ({@link #RUSSIAN}, by stem): a model learnt on one bank's posts knows few feeling words, and these
 * carry to a bank it never read (across banks macro-F1 0.580 -> 0.606, see README).
 */
final class SentimentLexicon {

    static final String RESOURCE = "vader_sentiment_lexicon.txt";
    static final String RUSSIAN = "analysis/sentiment-ru.tsv";
    /** VADER's own damping of a negated word: "not good" is mildly negative, not the opposite of good. */
    private static final double NEGATION = -0.74;
    private static final Map<String, Double> VALENCE = load();
    /** Russian words as written, and stems (the list's entries ending in *) for every ending. */
    private static final Map<String, Double> RUSSIAN_WORDS = new HashMap<>();
    private static final Map<String, Double> RUSSIAN_STEMS = new HashMap<>();

    static {
        loadRussian();
    }

    /** The feeling in a post's words: the sums of its positive and negative valences. */
    record Score(double positive, double negative, int positiveWords, int negativeWords) {

        /** VADER's normalisation of the sum to -1..1. */
        double compound() {
            double sum = positive - negative;
            return sum / Math.sqrt(sum * sum + 15);
        }
    }

    private SentimentLexicon() {}

    /** The valence of a token as {@link SocialText} writes it ({@code good_NEG} negated), 0 when unknown. */
    static double valence(String token) {
        boolean negated = token.endsWith("_NEG");
        String word = negated ? token.substring(0, token.length() - 4) : token;
        Double v = VALENCE.get(word);
        if (v == null) {
            v = russian(word);
        }
        return v == null ? 0 : negated ? NEGATION * v : v;
    }

    /** The word itself, else its longest listed stem. */
    private static Double russian(String word) {
        if (word.isEmpty() || Character.UnicodeBlock.of(word.charAt(0)) != Character.UnicodeBlock.CYRILLIC) {
            return null;
        }
        Double v = RUSSIAN_WORDS.get(word);
        for (int n = word.length(); v == null && n >= 2; n--) {
            v = RUSSIAN_STEMS.get(word.substring(0, n));
        }
        return v;
    }

    static Score score(List<String> tokens) {
        double positive = 0;
        double negative = 0;
        int pos = 0;
        int neg = 0;
        for (String t : tokens) {
            double v = valence(t);
            if (v > 0) {
                positive += v;
                pos++;
            } else if (v < 0) {
                negative -= v;
                neg++;
            }
        }
        return new Score(positive, negative, pos, neg);
    }

    private static Map<String, Double> load() {
        Map<String, Double> out = new HashMap<>();
        try (InputStream in = SentimentLexicon.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The sentiment lexicon " + RESOURCE + " is missing from the build");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                String[] parts = line.split("\t");
                if (parts.length >= 2 && !parts[0].isBlank()) {
                    out.put(parts[0].trim(), Double.parseDouble(parts[1].trim()));
                }
            }
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("The sentiment lexicon " + RESOURCE + " cannot be read: " + e.getMessage(), e);
        }
        return Map.copyOf(out);
    }

    private static void loadRussian() {
        try (InputStream in = SentimentLexicon.class.getClassLoader().getResourceAsStream(RUSSIAN)) {
            if (in == null) {
                throw new IllegalStateException("The Russian sentiment list " + RUSSIAN + " is missing from the build");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                String[] parts = line.split("\t");
                if (line.startsWith("#") || parts.length < 2) {
                    continue;
                }
                String w = parts[0].trim();
                double valence = Double.parseDouble(parts[1].trim());
                if (w.endsWith("*")) {
                    RUSSIAN_STEMS.put(w.substring(0, w.length() - 1), valence);
                } else {
                    RUSSIAN_WORDS.put(w, valence);
                }
            }
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("The Russian sentiment list " + RUSSIAN + " cannot be read: " + e.getMessage(), e);
        }
    }
}
