package org.careloop.knowledge;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/** A post as search terms: its words through a language's analyser, handles and links left out. */
public final class Terms {

    private static final Pattern NOISE = Pattern.compile("https?://\\S+|(^|\\s)[@.]+\\w+|#");
    /** More words than a post needs; a pasted essay is not searched whole. */
    private static final int MAX = 64;
    private static final Pattern DIGITS = Pattern.compile("[\\d.,:/-]+");

    private Terms() {}

    /** The distinct terms of a post (stems, without stop words), in order. */
    public static Set<String> of(Analyzer analyzer, String field, String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null) {
            return out;
        }
        try (TokenStream ts = analyzer.tokenStream(field, new StringReader(plain(text)))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && out.size() < MAX) {
                // A flight number or a date says which trip, never which answer.
                if (!number(term)) {
                    out.add(term.toString());
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The post's own words, lower-cased: links, handles and the hash of hashtags left out. */
    public static String plain(String text) {
        return NOISE.matcher(text).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    /** True for a flight number, a date or a time: it says which trip, not what about. */
    public static boolean number(CharSequence term) {
        return DIGITS.matcher(term).matches();
    }

    /** Documents with any of the terms, BM25 ranking them by how many and how rare. */
    public static Query anyOf(String field, Set<String> terms) {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        terms.forEach(t -> q.add(new TermQuery(new Term(field, t)), BooleanClause.Occur.SHOULD));
        return q.build();
    }
}
