package org.careloop.care;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.util.IOUtils;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.shingle.ShingleAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.careloop.knowledge.Knowledge;
import org.careloop.knowledge.Terms;

/**
 * Whether two posts are about the same thing, from their words as Lucene reads them: the language's
 * analyser (stems, no stop words) with word pairs beside single words (shingles). Handles, links,
 * numbers and the brand's own name are left out: every post names the brand, and a flight number says
 * which trip, not what about. Two posts go together when they share at least two words and are
 * near-duplicates (most of their words, or most of their word pairs: a copied complaint, a retweet cut
 * short), or when a third of the shorter post's words are in the other (the same topic in other words:
 * "the app is down" and "app down again, can't check in").
 */
public final class Grouping {

    /** Fewer shared words say nothing: "flight" alone is half of all posts. */
    static final int SHARED_WORDS = 2;
    /** Near-duplicates: this share of all their words (Jaccard)... */
    static final double SAME_WORDS = 0.7;
    /** ...or of their word pairs. */
    static final double SAME_PAIRS = 0.5;
    /** The same topic: a third of the shorter post's words are in the other ("cancelled flight" in six words each). */
    static final double SHARED_SHARE = 1.0 / 3;
    /** A label names at most this many words. */
    static final int LABEL_WORDS = 4;
    private static final String FIELD = "text";
    private static final String PAIR = " ";

    private final Set<String> brand;
    private final Map<String, Analyzer> analyzers = new ConcurrentHashMap<>();

    /** @param brand the brand's name, whose words never make two posts alike */
    public Grouping(String brand) {
        Set<String> words = new LinkedHashSet<>();
        for (String lang : Knowledge.LANGUAGES) {
            words.addAll(Terms.of(Knowledge.analyzer(lang), FIELD, brand + " " + brand.replace(" ", "")));
        }
        this.brand = Set.copyOf(words);
    }

    /**
     * A post's words.
     *
     * @param terms each stem with the word it came from, in the post's order (the word names a cluster)
     * @param pairs neighbouring stems, "cancel flight"
     */
    public record Words(Map<String, String> terms, Set<String> pairs) {

        public boolean isEmpty() {
            return terms.isEmpty();
        }
    }

    /** The words of a post in a language (the standard analyser for a language without one of its own). */
    public Words words(String text, String lang) {
        Map<String, String> terms = new LinkedHashMap<>();
        Set<String> pairs = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return new Words(terms, pairs);
        }
        String plain = Terms.plain(text);
        try (TokenStream ts = analyzer(lang).tokenStream(FIELD, new StringReader(plain))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String t = term.toString();
                if (t.contains(PAIR)) {
                    if (java.util.Arrays.stream(t.split(PAIR)).noneMatch(w -> w.equals("_") || brand.contains(w) || Terms.number(w))) {
                        pairs.add(t);
                    }
                } else if (!brand.contains(t) && !Terms.number(t)) {
                    terms.putIfAbsent(t, plain.substring(offset.startOffset(), offset.endOffset()));
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Words(terms, pairs);
    }

    /** True when the two posts are about the same thing. */
    public boolean together(Words a, Words b) {
        int shared = shared(a.terms().keySet(), b.terms().keySet());
        if (shared < SHARED_WORDS) {
            return false;
        }
        int smaller = Math.min(a.terms().size(), b.terms().size());
        return jaccard(shared, a.terms().size(), b.terms().size()) >= SAME_WORDS
                || !a.pairs().isEmpty() && !b.pairs().isEmpty()
                        && jaccard(shared(a.pairs(), b.pairs()), a.pairs().size(), b.pairs().size()) >= SAME_PAIRS
                || shared >= SHARED_SHARE * smaller;
    }

    /**
     * What posts are about, in a few of their words: those most of them share (in at least two posts and
     * half of them), the most shared first, as the first post wrote them.
     */
    public String label(List<Words> posts) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, String> said = new LinkedHashMap<>();
        for (Words w : posts) {
            w.terms().forEach((stem, word) -> {
                counts.merge(stem, 1, Integer::sum);
                said.putIfAbsent(stem, word);
            });
        }
        int enough = Math.max(2, (posts.size() + 1) / 2);
        List<String> order = List.copyOf(said.keySet());
        // A contraction ("can't", "won't") says how, not what about: never in a name.
        return said.keySet().stream().filter(s -> counts.get(s) >= enough && !said.get(s).matches(".*['\u2019].*"))
                .sorted(java.util.Comparator.comparingInt((String s) -> -counts.get(s)).thenComparingInt(order::indexOf))
                .limit(LABEL_WORDS).map(said::get).reduce((x, y) -> x + " " + y).orElse("");
    }

    private Analyzer analyzer(String lang) {
        String key = lang != null && Knowledge.LANGUAGES.contains(lang) ? lang : "und";
        // Single words and the pairs beside them; "_" fills a pair across a stop word left out.
        return analyzers.computeIfAbsent(key, l -> new ShingleAnalyzerWrapper(l.equals("en") ? new EnglishAnalyzer(ENGLISH_STOP) : Knowledge.analyzer(l),
                2, 2, PAIR, true, true, "_"));
    }

    /**
     * English function words, Snowball's list (Lucene's English default leaves out "my", "i", "where"):
     * "my flight was cancelled, I need to get home" is not like "I was charged twice for my booking" for
     * sharing "my" and "I". Its particles stay words, though: "the app is down", "locked out", "bumped off"
     * say what happened. The other languages' analysers drop their function words already.
     */
    private static final CharArraySet ENGLISH_STOP = snowballStop("english_stop.txt",
            Set.of("down", "up", "out", "off", "over", "under", "again", "against", "before", "after", "above", "below", "through", "during"));

    private static CharArraySet snowballStop(String file, Set<String> meaningful) {
        try (java.io.Reader r = IOUtils.getDecodingReader(SnowballFilter.class, file, java.nio.charset.StandardCharsets.UTF_8)) {
            CharArraySet words = WordlistLoader.getSnowballWordSet(r);
            CharArraySet kept = new CharArraySet(words.size(), false);
            words.forEach(w -> {
                String word = new String((char[]) w);
                if (!meaningful.contains(word)) {
                    kept.add(word);
                }
            });
            return CharArraySet.unmodifiableSet(kept);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int shared(Collection<String> a, Set<String> b) {
        int n = 0;
        for (String x : a) {
            if (b.contains(x)) {
                n++;
            }
        }
        return n;
    }

    private static double jaccard(int shared, int a, int b) {
        int union = a + b - shared;
        return union == 0 ? 0 : (double) shared / union;
    }
}
