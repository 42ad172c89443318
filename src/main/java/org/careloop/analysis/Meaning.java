package org.careloop.analysis;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;

/**
 * What a post means, beyond its words: a sentence embedding (all-MiniLM-L6-v2, quantised, run in
 * process through ONNX Runtime) added to a model's features. "My suitcase never showed up" and
 * "where is my luggage?" share hardly a word and mean the same; the linear models read them alike
 * only through this. It costs about 2 ms a post, so it is read only where the fast model is unsure.
 */
public final class Meaning {

    private Meaning() {}

    /**
     * How much the embedding's values weigh beside the 0/1 word features: chosen by 5-fold
     * cross-validation over the further care-action labels (1: 0.604, 3: 0.622, 8: 0.619 macro-F1).
     */
    static final double SCALE = 3;

    private static final class Holder {
        // Loaded on first use: a process that never needs it (the simulator, a dry run of Russian posts) never pays for it.
        static final EmbeddingModel MODEL = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    /** The text's meaning: 384 numbers, close for texts that mean the same (English). */
    public static float[] of(String text) {
        return Holder.MODEL.embed(text == null || text.isBlank() ? "." : text).content().vector();
    }

    /** How alike two meanings are, from -1 to 1. */
    public static double similarity(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    /** The features with the post's meaning added ("meaning:0" ... "meaning:383"). */
    static Counter<String> features(Counter<String> features, String cleanText) {
        float[] v = of(cleanText);
        Counter<String> out = new ClassicCounter<>(features);
        for (int i = 0; i < v.length; i++) {
            out.setCount("meaning:" + i, v[i] * SCALE);
        }
        return out;
    }

    static boolean isMeaning(String feature) {
        return feature.startsWith("meaning:");
    }
}
