package org.careloop.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Finds how far to move each label's prior so a model serves its task's measures best (macro-F1,
 * macro-recall: every label counts the same, however rare). Searched on training rows kept out of
 * fitting for the purpose, never on the rows the figures are measured on.
 */
final class PriorTuning {

    /** Rows of one set and the measure its task is judged by. */
    record Part(List<TextModel.Example> examples, ToDoubleFunction<Metrics> measure) {}

    private static final double RANGE = 2;
    private static final double STEP = 0.1;
    private static final int ROUNDS = 3;

    private PriorTuning() {}

    /** Offsets per label (log-odds; the first label stays at 0), for {@link TextModel#shiftPriors}. */
    static Map<String, Double> tune(TextModel model, List<Part> parts) {
        List<String> labels = model.labels().stream().sorted().toList();
        List<List<Scored>> scored = new ArrayList<>();
        for (Part p : parts) {
            scored.add(p.examples().stream().map(e -> new Scored(e.label(), model.scores(e.features()))).toList());
        }
        Map<String, Double> offsets = new HashMap<>();
        labels.forEach(l -> offsets.put(l, 0.0));
        for (int round = 0; round < ROUNDS; round++) {
            for (String label : labels.subList(1, labels.size())) {
                double best = offsets.get(label);
                offsets.put(label, best);
                double bestValue = value(parts, scored, offsets);
                for (double o = -RANGE; o <= RANGE + 1e-9; o += STEP) {
                    offsets.put(label, o);
                    double v = value(parts, scored, offsets);
                    // On a tie keep the smaller shift: move the prior only as far as the rows ask.
                    if (v > bestValue + 1e-9 || Math.abs(v - bestValue) <= 1e-9 && Math.abs(o) < Math.abs(best)) {
                        bestValue = v;
                        best = o;
                    }
                }
                offsets.put(label, Math.round(best * 10) / 10.0);
            }
        }
        return offsets;
    }

    private record Scored(String gold, Map<String, Double> scores) {}

    /** The parts' measures, averaged. */
    private static double value(List<Part> parts, List<List<Scored>> scored, Map<String, Double> offsets) {
        double sum = 0;
        for (int i = 0; i < parts.size(); i++) {
            Metrics m = new Metrics();
            for (Scored s : scored.get(i)) {
                String best = null;
                double top = Double.NEGATIVE_INFINITY;
                for (Map.Entry<String, Double> e : s.scores().entrySet()) {
                    double v = e.getValue() + offsets.getOrDefault(e.getKey(), 0.0);
                    if (v > top) {
                        top = v;
                        best = e.getKey();
                    }
                }
                m.add(s.gold(), best);
            }
            sum += parts.get(i).measure().applyAsDouble(m);
        }
        return sum / parts.size();
    }
}
