package org.careloop.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Precision, recall and F1 per label, and their macro averages, for a list of (gold, predicted) pairs. */
public final class Metrics {

    private final Map<String, int[]> counts = new TreeMap<>(); // label -> {tp, fp, fn}
    private final Map<String, Map<String, Integer>> confusion = new TreeMap<>(); // gold -> predicted -> posts
    private int total;
    private int correct;

    public void add(String gold, String predicted) {
        total++;
        confusion.computeIfAbsent(gold, k -> new TreeMap<>()).merge(predicted, 1, Integer::sum);
        counts.computeIfAbsent(gold, k -> new int[3]);
        counts.computeIfAbsent(predicted, k -> new int[3]);
        if (gold.equals(predicted)) {
            correct++;
            counts.get(gold)[0]++;
        } else {
            counts.get(predicted)[1]++;
            counts.get(gold)[2]++;
        }
    }

    public double precision(String label) {
        int[] c = counts.getOrDefault(label, new int[3]);
        return c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
    }

    public double recall(String label) {
        int[] c = counts.getOrDefault(label, new int[3]);
        return c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
    }

    public double f1(String label) {
        double p = precision(label);
        double r = recall(label);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double macroF1() {
        return counts.keySet().stream().mapToDouble(this::f1).average().orElse(0);
    }

    public double macroRecall() {
        return counts.keySet().stream().mapToDouble(this::recall).average().orElse(0);
    }

    public double accuracy() {
        return total == 0 ? 0 : (double) correct / total;
    }

    public int total() {
        return total;
    }

    public String perLabel() {
        StringBuilder b = new StringBuilder();
        for (String l : new TreeSet<>(counts.keySet())) {
            b.append(String.format(Locale.ROOT, "%s P=%.3f R=%.3f F1=%.3f; ", l, precision(l), recall(l), f1(l)));
        }
        return b.toString().trim();
    }

    /** The commonest mistakes, "apologize->ticket 41", most frequent first: where the labels and the model part. */
    public String mistakes(int limit) {
        List<Map.Entry<String, Integer>> wrong = new java.util.ArrayList<>();
        confusion.forEach((gold, row) -> row.forEach((predicted, n) -> {
            if (!gold.equals(predicted)) {
                wrong.add(Map.entry(gold + "->" + predicted, n));
            }
        }));
        wrong.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        return String.join(", ", wrong.stream().limit(limit).map(e -> e.getKey() + " " + e.getValue()).toList());
    }

    static List<String> labels(Metrics m) {
        return List.copyOf(m.counts.keySet());
    }
}
