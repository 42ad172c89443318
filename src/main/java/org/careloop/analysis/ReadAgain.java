package org.careloop.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a fast model and a slower one that also reads the post's meaning fare together when the slow
 * one reads again only the posts the fast one is unsure of: the task's measure and the share read
 * again, for each confidence below which a post is read again. Measured on the tuning rows (a second
 * split of the training rows), so the threshold is chosen on training rows, never on measured ones.
 */
final class ReadAgain {

    /** Below this confidence a post is read again; at 1 every post is. */
    record Point(double below, double measure, List<Double> each, double share) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.2f: %.3f %s, %.0f%%", below, measure,
                    each.stream().map(v -> String.format(Locale.ROOT, "%.3f", v)).toList(), 100 * share);
        }
    }

    private ReadAgain() {}

    /**
     * @param fast    the fast model, fitted without the tuning rows
     * @param slow    the model that reads the meaning too, fitted without them
     * @param parts   the tuning rows as the fast model reads them, with each set's measure
     * @param meaning the same rows, in the same order, as the slow one reads them
     */
    static List<Point> curve(TextModel fast, TextModel slow, List<PriorTuning.Part> parts, List<PriorTuning.Part> meaning) {
        List<List<TextModel.Prediction>> first = new ArrayList<>();
        List<List<String>> again = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            first.add(parts.get(i).examples().stream().map(e -> fast.predict(e.features())).toList());
            again.add(meaning.get(i).examples().stream().map(e -> slow.predict(e.features()).label()).toList());
        }
        List<Point> curve = new ArrayList<>();
        for (int step = 0; step <= 12; step++) {
            double below = step == 12 ? 1.01 : 0.35 + 0.05 * step;
            List<Double> each = new ArrayList<>();
            int read = 0;
            int total = 0;
            for (int i = 0; i < parts.size(); i++) {
                Metrics m = new Metrics();
                List<TextModel.Example> examples = parts.get(i).examples();
                for (int j = 0; j < examples.size(); j++) {
                    boolean unsure = first.get(i).get(j).confidence() < below;
                    m.add(examples.get(j).label(), unsure ? again.get(i).get(j) : first.get(i).get(j).label());
                    read += unsure ? 1 : 0;
                    total++;
                }
                each.add(parts.get(i).measure().applyAsDouble(m));
            }
            curve.add(new Point(below, each.stream().mapToDouble(Double::doubleValue).average().orElse(0), each, (double) read / Math.max(1, total)));
        }
        return curve;
    }
}
