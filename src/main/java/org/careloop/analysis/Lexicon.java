package org.careloop.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sentiment for languages without a trained model yet (Spanish, French, German, Persian, Arabic):
 * a small lexicon of the words customers use ({@code analysis/lexicon/<lang>.tsv}), with negation.
 * Better than reading them with the English model; a trained model replaces it when data exists.
 */
final class Lexicon {

    record Entry(String word, double score, boolean prefix) {}

    record Result(Sentiment sentiment, List<String> words) {}

    private static final Map<String, Optional<Lexicon>> CACHE = new ConcurrentHashMap<>();
    private static final Set<String> NEGATORS = Set.of("no", "nunca", "ni", "pas", "jamais", "nicht", "kein", "keine", "نه", "لا", "لم", "لن");

    private final List<Entry> entries;

    private Lexicon(List<Entry> entries) {
        this.entries = entries;
    }

    static Optional<Lexicon> forLanguage(String lang) {
        return CACHE.computeIfAbsent(lang, Lexicon::load);
    }

    private static Optional<Lexicon> load(String lang) {
        if (!lang.matches("[a-z]{2}")) {
            return Optional.empty();
        }
        try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream("analysis/lexicon/" + lang + ".tsv")) {
            if (in == null) {
                return Optional.empty();
            }
            List<Entry> entries = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                String w = parts[0].trim().toLowerCase(Locale.ROOT);
                boolean prefix = w.endsWith("*");
                entries.add(new Entry(prefix ? w.substring(0, w.length() - 1) : w, Double.parseDouble(parts[1].trim()), prefix));
            }
            return Optional.of(new Lexicon(entries));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Lexicon analysis/lexicon/" + lang + ".tsv is not readable: " + e.getMessage(), e);
        }
    }

    Result score(String text) {
        String[] tokens = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{M}\\u200c]+");
        double sum = 0;
        List<String> found = new ArrayList<>();
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            if (t.isEmpty()) {
                continue;
            }
            String pair = i + 1 < tokens.length ? t + " " + tokens[i + 1] : null;
            for (Entry e : entries) {
                boolean hit = e.word().contains(" ") ? e.word().equals(pair) : e.prefix() ? t.startsWith(e.word()) : t.equals(e.word());
                if (hit) {
                    boolean negated = (i > 0 && NEGATORS.contains(tokens[i - 1])) || (i > 1 && NEGATORS.contains(tokens[i - 2]));
                    sum += negated ? -e.score() * 0.7 : e.score();
                    found.add(negated ? t + " (negated)" : t);
                    break;
                }
            }
        }
        double score = Math.max(-1, Math.min(1, sum / Math.max(1, Math.sqrt(found.size()))));
        Sentiment.Label label = score <= -0.25 ? Sentiment.Label.NEGATIVE : score >= 0.25 ? Sentiment.Label.POSITIVE : Sentiment.Label.NEUTRAL;
        double confidence = found.isEmpty() ? 0.4 : Math.min(0.85, 0.5 + Math.abs(score) / 2);
        return new Result(new Sentiment(label, Math.round(score * 1000) / 1000.0, Math.round(confidence * 1000) / 1000.0), found);
    }
}
