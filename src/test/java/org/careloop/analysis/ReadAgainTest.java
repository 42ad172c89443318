package org.careloop.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A slow model that reads more, consulted only where the fast one is unsure. */
class ReadAgainTest {

    private static TextModel.Example example(String label, String feature, double value) {
        Counter<String> f = new ClassicCounter<>();
        f.setCount("BIAS", 1);
        f.setCount(feature, value);
        return new TextModel.Example(f, label);
    }

    @Test
    void theSlowModelMendsWhatTheFastOneWasUnsureOf() {
        // The fast model reads "x", which tells the labels apart on half the rows only; the slow one reads "y" too, which always does.
        List<TextModel.Example> fast = new ArrayList<>();
        List<TextModel.Example> slow = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String label = i % 2 == 0 ? "a" : "b";
            double x = i < 100 ? (label.equals("a") ? 1 : -1) : 0;
            fast.add(example(label, "x", x));
            TextModel.Example s = example(label, "x", x);
            s.features().setCount("y", label.equals("a") ? 1 : -1);
            slow.add(s);
        }
        List<ReadAgain.Point> curve = ReadAgain.curve(TextModel.train(fast, 1.0), TextModel.train(slow, 1.0),
                List.of(new PriorTuning.Part(fast, Metrics::macroF1)), List.of(new PriorTuning.Part(slow, Metrics::macroF1)));

        ReadAgain.Point none = curve.get(0);
        ReadAgain.Point all = curve.get(curve.size() - 1);
        assertThat(none.share()).isZero();
        assertThat(all.share()).isEqualTo(1.0);
        assertThat(all.measure()).isGreaterThan(none.measure() + 0.2);
        // The unsure half is read again well before every post is.
        assertThat(curve.stream().filter(p -> p.share() == 0.5).findFirst()).hasValueSatisfying(p -> assertThat(p.measure()).isEqualTo(all.measure()));
    }
}
