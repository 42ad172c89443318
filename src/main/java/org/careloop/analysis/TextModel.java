package org.careloop.analysis;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.classify.LinearClassifierFactory;
import edu.stanford.nlp.classify.WeightedRVFDataset;
import edu.stanford.nlp.ling.RVFDatum;
import edu.stanford.nlp.stats.Counter;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained linear classifier (CoreNLP's logistic regression) over {@link Features}, which can say
 * which words weighed most in its answer.
 */
public final class TextModel implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One labelled text for training; its weight evens out how common its label is in its set. */
    public record Example(Counter<String> features, String label, double weight) {

        public Example(Counter<String> features, String label) {
            this(features, label, 1);
        }
    }

    /**
     * @param label         the most probable label
     * @param confidence    its probability
     * @param probabilities every label's probability
     * @param evidence      the features that pushed most towards the label, in words
     */
    public record Prediction(String label, double confidence, Map<String, Double> probabilities, List<String> evidence) {}

    private final LinearClassifier<String, String> classifier;

    private TextModel(LinearClassifier<String, String> classifier) {
        this.classifier = classifier;
    }

    /** @param sigma the L2 prior: smaller trusts the data less */
    public static TextModel train(List<Example> examples, double sigma) {
        WeightedRVFDataset<String, String> data = new WeightedRVFDataset<>();
        for (Example e : examples) {
            data.add(new RVFDatum<>(e.features(), e.label()), (float) e.weight());
        }
        LinearClassifierFactory<String, String> factory = new LinearClassifierFactory<>();
        factory.setSigma(sigma);
        factory.setVerbose(false);
        return new TextModel(factory.trainClassifier(data));
    }

    public java.util.Collection<String> labels() {
        return classifier.labels();
    }

    /** Each label's score (log-odds up to a constant) before the softmax. */
    public Map<String, Double> scores(Counter<String> features) {
        Counter<String> s = classifier.scoresOf(new RVFDatum<>(features));
        Map<String, Double> out = new LinkedHashMap<>();
        for (String label : classifier.labels()) {
            out.put(label, s.getCount(label));
        }
        return out;
    }

    /**
     * Moves each label's prior by the given log-odds (added to the {@code BIAS} feature's weight),
     * so the model's answers fit the balance of labels it is measured on, not the one it was
     * trained on.
     */
    public void shiftPriors(Map<String, Double> offsets) {
        int bias = classifier.featureIndex().indexOf("BIAS");
        if (bias < 0) {
            throw new IllegalStateException("The model has no BIAS feature to shift");
        }
        double[][] weights = classifier.weights();
        offsets.forEach((label, offset) -> weights[bias][classifier.labelIndex().indexOf(label)] += offset);
        classifier.setWeights(weights);
    }

    public Prediction predict(Counter<String> features) {
        RVFDatum<String, String> datum = new RVFDatum<>(features);
        Counter<String> probs = classifier.probabilityOf(datum);
        String best = null;
        Map<String, Double> out = new LinkedHashMap<>();
        for (String label : classifier.labels()) {
            double p = probs.getCount(label);
            out.put(label, p);
            if (best == null || p > out.get(best)) {
                best = label;
            }
        }
        return new Prediction(best, out.get(best), out, evidence(features, best));
    }

    /** The words that weighed most for the label (the other labels' weights subtracted). */
    private List<String> evidence(Counter<String> features, String label) {
        record Weighed(String feature, double weight) {}
        List<Weighed> all = new ArrayList<>();
        for (String f : features.keySet()) {
            if (!f.startsWith("w=") && !f.startsWith("sig=") || f.startsWith("w=") && !telling(f.substring(2))) {
                continue;
            }
            double w = 0;
            int others = 0;
            for (String l : classifier.labels()) {
                double lw = classifier.weight(f, l);
                if (l.equals(label)) {
                    w += lw;
                } else {
                    w -= lw / Math.max(1, classifier.labels().size() - 1);
                    others++;
                }
            }
            if (others > 0 && w > 0.15) {
                all.add(new Weighed(f, w * features.getCount(f)));
            }
        }
        all.sort(Comparator.comparingDouble(Weighed::weight).reversed());
        return all.stream().limit(4).map(x -> readable(x.feature())).toList();
    }

    private static final java.util.Set<String> FILLER = java.util.Set.of("the", "and", "for", "you", "your", "are", "was", "is",
            "this", "that", "with", "have", "has", "just", "my", "me", "it", "to", "of", "in", "on", "at", "a", "an", "i", "we", "be",
            "не", "и", "в", "на", "я", "мой", "что", "с", "по");

    /** A word a person would accept as a reason: letters, not a filler word, not a placeholder. */
    private static boolean telling(String token) {
        String w = token.endsWith("_NEG") ? token.substring(0, token.length() - 4) : token;
        return !w.startsWith("<") && (w.length() >= 2 && Character.isLetter(w.codePointAt(0)) && !FILLER.contains(w)
                || SocialText.isEmoji(w));
    }

    private static String readable(String feature) {
        String f = feature.substring(feature.indexOf('=') + 1);
        if (feature.startsWith("sig=")) {
            return switch (f) {
                case "shouting" -> "words in capitals";
                case "elongated" -> "stretched words";
                case "exclamation" -> "exclamation marks";
                case "question" -> "a question mark";
                default -> f;
            };
        }
        return f.endsWith("_NEG") ? "\"" + f.substring(0, f.length() - 4) + "\" negated" : "\"" + f + "\"";
    }

    public void save(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file)); ObjectOutputStream oos = new ObjectOutputStream(out)) {
            oos.writeObject(classifier);
        }
    }

    /**
     * The models built into CareLoop, each read once per process: a model never changes after it is built, and each takes
     * tens of megabytes of heap, so every analyser (the pipeline's, the console's, a test's) shares them.
     */
    private static final Map<String, TextModel> BUILT_IN = new java.util.concurrent.ConcurrentHashMap<>();

    /** A model built into CareLoop ({@code models/<name>.ser.gz} on the class path). */
    public static TextModel load(String name) {
        return BUILT_IN.computeIfAbsent(name, TextModel::fromClassPath);
    }

    private static TextModel fromClassPath(String name) {
        String resource = "models/" + name + ".ser.gz";
        try (InputStream raw = TextModel.class.getClassLoader().getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("Model " + resource + " is missing from the build: run `careloop train` (see README)");
            }
            return read(raw, resource);
        } catch (IOException e) {
            throw new IllegalStateException("Model " + resource + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Loads a model just trained into a folder (training one model on another's answers). */
    static TextModel read(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file)) {
            return read(raw, file.toString());
        }
    }

    @SuppressWarnings("unchecked")
    private static TextModel read(InputStream raw, String name) throws IOException {
        try (ObjectInputStream in = new ObjectInputStream(new GZIPInputStream(raw))) {
            return new TextModel((LinearClassifier<String, String>) in.readObject());
        } catch (ClassNotFoundException e) {
            throw new IOException("Model " + name + " is not a CareLoop model: " + e.getMessage(), e);
        }
    }
}
