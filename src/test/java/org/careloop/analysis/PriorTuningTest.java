package org.careloop.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Label priors tuned for a macro measure, and moved inside the model. */
class PriorTuningTest {

    private static TextModel.Example example(String label, double signal) {
        Counter<String> f = new ClassicCounter<>();
        f.setCount("BIAS", 1);
        f.setCount("x", signal);
        return new TextModel.Example(f, label);
    }

    /** 90 "common" and 10 "rare", with overlapping signals: a plain fit seldom says "rare". */
    private static List<TextModel.Example> lopsided() {
        List<TextModel.Example> out = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            out.add(example("common", (i % 10) / 10.0));
        }
        for (int i = 0; i < 10; i++) {
            out.add(example("rare", 0.6 + (i % 5) / 10.0));
        }
        return out;
    }

    @Test
    void movesThePriorTowardsARareLabelForMacroRecall() {
        List<TextModel.Example> rows = lopsided();
        TextModel model = TextModel.train(rows, 1.0);
        Map<String, Double> offsets = PriorTuning.tune(model, List.of(new PriorTuning.Part(rows, Metrics::macroRecall)));
        assertThat(offsets.get("common")).isZero();
        assertThat(offsets.get("rare")).isPositive();

        double before = model.predict(example("rare", 0.8).features()).probabilities().get("rare");
        model.shiftPriors(offsets);
        assertThat(model.predict(example("rare", 0.8).features()).probabilities().get("rare")).isGreaterThan(before);
    }

    @Test
    void balancingGivesEveryLabelTheSameTotalWeight() {
        List<Corpus.Row> rows = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            rows.add(new Corpus.Row("a" + i, "t", "common", null));
        }
        rows.add(new Corpus.Row("b", "t", "rare", null));
        Map<String, Double> w = TrainCommand.balancing(rows);
        assertThat(9 * w.get("common")).isCloseTo(w.get("rare"), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void postsToOtherBusinessesWeighMoreThanAirlineTweets() {
        // The labels are mostly airline tweets; CareLoop answers posts to any brand (see TrainCommand.businessWeight).
        assertThat(TrainCommand.businessWeight(new Corpus.Row("twcs-6608", "t", "ticket", null))).isEqualTo(TrainCommand.OTHER_BUSINESS_WEIGHT);
        assertThat(TrainCommand.businessWeight(new Corpus.Row("airline-570306133677760513", "t", "ticket", null))).isEqualTo(1.0);
        assertThat(TrainCommand.OTHER_BUSINESS_WEIGHT).isGreaterThan(1.0);
    }
}
