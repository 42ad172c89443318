package org.careloop.analysis;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * {@code careloop train}: builds the models CareLoop ships from the shared labelled data, on the
 * training rows only ({@link Corpus} keeps one row in five out for measuring). Within each set the
 * labels weigh the same, so one set's lopsided labels (airline tweets are two thirds complaints)
 * do not become the model's prior. Where a recipe asks, the label priors are then tuned on a
 * second split of the training rows ({@link Corpus#tuning}) for the task's measure, and the model
 * refitted on all its training rows. Deterministic: the same data gives the same models.
 */
public final class TrainCommand {

    /**
     * A set to learn from, the measure its task is judged by (for tuning the priors), how much the
     * whole set weighs against the recipe's other sets (1: as many rows as it has), and whether all
     * its rows are learnt from (a set that is never measured) or its training rows only.
     */
    record Source(Corpus corpus, ToDoubleFunction<Metrics> measure, double weight, boolean whole) {

        Source(Corpus corpus, ToDoubleFunction<Metrics> measure) {
            this(corpus, measure, 1, false);
        }
    }

    /**
     * One model: its name, the sets it learns from, how strongly it is regularised, whether its
     * priors are tuned, whether it reads the word clusters (a model trained without them ignores
     * them when it predicts), the sets it is measured on whole (no near-duplicate of their rows is
     * learnt from), in how many examples a feature must stand to be kept (1: all), and whether a second
     * model that also reads each post's meaning is built beside it.
     */
    record Recipe(String name, List<Source> sources, double sigma, boolean tunePriors, boolean clusters, List<Corpus> checks,
                  int minCount, boolean meaning) {

        Recipe(String name, List<Source> sources, double sigma, boolean tunePriors, boolean clusters, List<Corpus> checks) {
            this(name, sources, sigma, tunePriors, clusters, checks, 1, false);
        }

        /** The name of the second model, which reads the posts' meaning too ({@link Meaning}), for those the first is unsure of. */
        String meaningName() {
            return name + "-meaning";
        }
    }

    private TrainCommand() {}

    /** The care lead's labels beyond {@code actions-dev.jsonl}: ids of posts in the shared sets, no text (see the file's README). */
    public static final Path CARE_LABELS = Path.of("src/train/care-action-labels.jsonl");

    public static int run(Path data, Path out, PrintStream log) throws IOException {
        return run(data, CARE_LABELS, out, null, log);
    }

    /** @param only the one model to build, or null for all */
    public static int run(Path data, Path careLabels, Path out, String only, PrintStream log) throws IOException {
        List<Recipe> recipes = recipes(data);
        if (only != null && !only.equals(CARE_MODEL) && !only.equals(CARE_OTHER_MODEL) && recipes.stream().noneMatch(r -> r.name().equals(only))) {
            log.println("No model named " + only + ": " + String.join(", ", recipes.stream().map(Recipe::name).toList()) + ", " + CARE_MODEL
                    + ", " + CARE_OTHER_MODEL);
            return 2;
        }
        for (Recipe r : recipes) {
            if (only != null && !only.equals(r.name())) {
                continue;
            }
            long start = System.nanoTime();
            Built built = build(r);
            Path file = out.resolve(r.name() + ".ser.gz");
            built.model().save(file);
            log.printf(Locale.ROOT, "%-14s %6d examples  %5.1f s  priors shifted %s  -> %s%n", r.name(), built.examples(),
                    (System.nanoTime() - start) / 1e9, new TreeMap<>(built.offsets()), file);
            if (built.meaning() != null) {
                Path meaningFile = out.resolve(r.meaningName() + ".ser.gz");
                built.meaning().save(meaningFile);
                log.printf(Locale.ROOT, "%-14s read again below a confidence of (tuning rows: measure, share read again): %s  -> %s%n",
                        r.meaningName(), built.readAgain(), meaningFile);
            }
        }
        if (only == null || only.equals(CARE_MODEL)) {
            careAction(data, careLabels, out, log);
        }
        if (only == null || only.equals(CARE_OTHER_MODEL)) {
            careOther(OTHER_LABELS, out, log);
        }
        return 0;
    }

    /**
     * A model built by a recipe, with the prior shifts it was given and how many examples it learnt
     * from; and, where the recipe asks, the model that reads the meaning too, with how the tuning rows
     * fare when it reads again the posts the first is unsure of.
     */
    record Built(TextModel model, Map<String, Double> offsets, int examples, TextModel meaning, List<ReadAgain.Point> readAgain) {

        Built(TextModel model, Map<String, Double> offsets, int examples) {
            this(model, offsets, examples, null, List.of());
        }
    }

    /** Fits a recipe's model on its sets' training rows, the priors tuned where it asks. */
    static Built build(Recipe r) {
        List<PriorTuning.Part> tuning = new ArrayList<>();
        List<TextModel.Example> fitting = new ArrayList<>();
        List<TextModel.Example> all = new ArrayList<>();
        Map<TextModel.Example, String> texts = new IdentityHashMap<>();
        for (Source s : r.sources()) {
            List<Corpus.Row> rows = Corpus.apartFrom(s.whole() ? s.corpus().rows() : s.corpus().training(), r.checks());
            Map<String, Double> weights = balancing(rows);
            weights.replaceAll((label, w) -> w * s.weight());
            List<TextModel.Example> held = new ArrayList<>();
            for (Corpus.Row row : rows) {
                var features = Features.of(SocialText.of(row.text()));
                if (!r.clusters()) {
                    features.keySet().removeIf(f -> f.startsWith(Features.CLUSTER));
                }
                var e = new TextModel.Example(features, row.label(), weights.get(row.label()));
                all.add(e);
                texts.put(e, row.text());
                (s.corpus().tuning(row) ? held : fitting).add(e);
            }
            tuning.add(new PriorTuning.Part(held, s.measure()));
        }
        if (r.minCount() > 1) {
            prune(all, r.minCount());
        }
        Fit fast = fit(r, all, fitting, tuning);
        if (!r.meaning()) {
            return new Built(fast.model(), fast.offsets(), all.size());
        }
        // The same examples (pruned alike) with each post's meaning added.
        Map<String, float[]> meanings = meanings(texts.values());
        Map<TextModel.Example, TextModel.Example> read = new IdentityHashMap<>();
        for (TextModel.Example e : all) {
            String clean = TextPrep.clean(texts.get(e), CoreNlpAnalyzer.MAX_CHARS, false);
            read.put(e, new TextModel.Example(Meaning.features(e.features(), meanings.get(clean)), e.label(), e.weight()));
        }
        List<PriorTuning.Part> meaningTuning = tuning.stream()
                .map(p -> new PriorTuning.Part(p.examples().stream().map(read::get).toList(), p.measure())).toList();
        Fit slow = fit(r, all.stream().map(read::get).toList(), fitting.stream().map(read::get).toList(), meaningTuning);
        List<ReadAgain.Point> curve = ReadAgain.curve(fast.inner(), slow.inner(), tuning, meaningTuning);
        return new Built(fast.model(), fast.offsets(), all.size(), slow.model(), curve);
    }

    /** A model fitted on all its rows, and the one fitted without the tuning rows (each with the priors tuned on them). */
    private record Fit(TextModel model, Map<String, Double> offsets, TextModel inner) {}

    private static Fit fit(Recipe r, List<TextModel.Example> all, List<TextModel.Example> fitting, List<PriorTuning.Part> tuning) {
        Map<String, Double> offsets = Map.of();
        TextModel inner = null;
        if (r.tunePriors() || r.meaning()) {
            inner = TextModel.train(fitting, r.sigma());
            if (r.tunePriors()) {
                offsets = PriorTuning.tune(inner, tuning);
                inner.shiftPriors(offsets);
            }
        }
        TextModel model = TextModel.train(all, r.sigma());
        model.shiftPriors(offsets);
        return new Fit(model, offsets, inner);
    }

    /** Each post's meaning, read on every core (the encoder is the slow part: about 2 ms a post). */
    private static Map<String, float[]> meanings(java.util.Collection<String> texts) {
        Map<String, float[]> out = new java.util.concurrent.ConcurrentHashMap<>();
        texts.parallelStream().map(t -> TextPrep.clean(t, CoreNlpAnalyzer.MAX_CHARS, false)).distinct()
                .forEach(clean -> out.put(clean, Meaning.of(clean)));
        return out;
    }

    /**
     * The care-action model, trained on the cascade's answers and what it read, with the models
     * just built: the development part of {@code actions-dev.jsonl} and the further labels.
     */
    static void careAction(Path data, Path careLabels, Path out, PrintStream log) throws IOException {
        long start = System.nanoTime();
        SocialAnalyzer cascadeOnly = cascadeOnly(out);
        CareRows rows = careRows(data, careLabels);
        TextModel model = trainCare(rows.all(), cascadeOnly);
        Path file = out.resolve(CARE_MODEL + ".ser.gz");
        model.save(file);
        trainCareMeaning(rows.all(), cascadeOnly).save(out.resolve(CARE_MEANING_MODEL + ".ser.gz"));
        // Urgency is read after the action, from what the action model read and the action it chose.
        SocialAnalyzer withAction = cascadeOnly.withCareModels(model, null);
        List<TextModel.Example> urgency = new ArrayList<>();
        Map<String, Double> weights = balancing(rows.all().stream()
                .map(r -> new Corpus.Row(r.id(), r.text(), String.valueOf(r.raw().path("urgent").asBoolean()), r.raw())).toList());
        for (Corpus.Row r : rows.all()) {
            String urgent = String.valueOf(r.raw().path("urgent").asBoolean());
            CareAction.Label action = withAction.analyze(r.text(), null).care().label();
            String words = TextPrep.clean(r.text(), CoreNlpAnalyzer.MAX_CHARS, true);
            urgency.add(new TextModel.Example(CareActions.urgencyFeatures(CareActions.features(r.text(), cascadeOnly.analyze(r.text(), null)),
                    words, action), urgent, weights.get(urgent)));
        }
        Path urgentFile = out.resolve(URGENT_MODEL + ".ser.gz");
        TextModel.train(urgency, CARE_SIGMA).save(urgentFile);
        log.printf(Locale.ROOT, "%-14s %6d examples (%d further labels)  %5.1f s  -> %s, %s, %s%n", CARE_MODEL, rows.all().size(),
                rows.further().size(), (System.nanoTime() - start) / 1e9, file, out.resolve(CARE_MEANING_MODEL + ".ser.gz"), urgentFile);
    }

    /**
     * Drops the features fewer than {@code minCount} examples have (the examples share their
     * counters with the fitting and tuning lists): rare word pairs and n-grams that only make the
     * model large.
     */
    static void prune(List<TextModel.Example> examples, int minCount) {
        Map<String, Integer> seen = new HashMap<>();
        examples.forEach(e -> e.features().keySet().forEach(f -> seen.merge(f, 1, Integer::sum)));
        examples.forEach(e -> e.features().keySet().removeIf(f -> seen.get(f) < minCount && !f.equals("BIAS")));
    }

    static final String URGENT_MODEL = "urgent-en";

    /**
     * Posts in the brand's six other languages, written by helpers as customers post them and labelled with the care action
     * (text, lang, action; see the file's README): no labelled posts in those languages exist in the shared data.
     */
    public static final Path OTHER_LABELS = Path.of("src/train/care-labels-other.jsonl");
    static final String CARE_OTHER_MODEL = "care-action-other";

    /** The care-action model of the six other languages, trained as the English one on the cues' answers and what they read. */
    static void careOther(Path labels, Path out, PrintStream log) throws IOException {
        long start = System.nanoTime();
        SocialAnalyzer cascadeOnly = cascadeOnly(out);
        List<Corpus.Row> rows = otherRows(labels);
        Path file = out.resolve(CARE_OTHER_MODEL + ".ser.gz");
        trainCareOther(rows, cascadeOnly).save(file);
        log.printf(Locale.ROOT, "%-14s %6d examples  %5.1f s  -> %s%n", CARE_OTHER_MODEL, rows.size(), (System.nanoTime() - start) / 1e9, file);
    }

    /** The analyser of the models just built in {@code out}, without care models: what the care models learn from. */
    private static SocialAnalyzer cascadeOnly(Path out) throws IOException {
        return new SocialAnalyzer(TextModel.read(out.resolve("sentiment-en.ser.gz")), TextModel.read(out.resolve("sentiment-ru.ser.gz")),
                TextModel.read(out.resolve("offensive-en.ser.gz")), TextModel.read(out.resolve("irony-en.ser.gz")))
                .withSentimentMeaning(TextModel.read(out.resolve("sentiment-en-meaning.ser.gz")));
    }

    static List<Corpus.Row> otherRows(Path labels) throws IOException {
        return Corpus.read(labels, n -> n.path("action").asText(null)).rows();
    }

    static TextModel trainCareOther(List<Corpus.Row> rows, SocialAnalyzer cascadeOnly) {
        Map<String, Double> weights = balancing(rows);
        List<TextModel.Example> examples = new ArrayList<>();
        for (Corpus.Row r : rows) {
            examples.add(new TextModel.Example(CareActions.features(r.text(), cascadeOnly.analyze(r.text(), r.raw().path("lang").asText(null))),
                    r.label(), weights.get(r.label())));
        }
        return TextModel.train(examples, CARE_SIGMA);
    }

    /** The care-action training rows: the development part of actions-dev and the further labels. */
    record CareRows(List<Corpus.Row> development, List<Corpus.Row> further) {

        List<Corpus.Row> all() {
            List<Corpus.Row> all = new ArrayList<>(development);
            all.addAll(further);
            return all;
        }
    }

    /**
     * The held-back part of {@code actions-dev.jsonl} stays out, and so does any further row whose
     * text is one of it (a repost), or repeats a row already taken.
     */
    static CareRows careRows(Path data, Path careLabels) throws IOException {
        List<Corpus.Row> development = new ArrayList<>();
        Set<String> heldBack = new HashSet<>();
        Set<String> labelled = new HashSet<>();
        for (Corpus.Row r : Corpus.read(data.resolve("conversations/actions-dev.jsonl"), n -> n.path("action").asText(null)).rows()) {
            labelled.add(ActionsSplit.normalise(r.text()));
            if (ActionsSplit.heldBack(r.text())) {
                heldBack.add(ActionsSplit.normalise(r.text()));
            } else {
                development.add(r);
            }
        }
        List<Corpus.Row> further = new ArrayList<>();
        for (Corpus.Row r : CareLabels.read(careLabels, data)) {
            String n = ActionsSplit.normalise(r.text());
            if (!heldBack.contains(n) && labelled.add(n)) {
                further.add(r);
            }
        }
        return new CareRows(development, further);
    }

    /** @param cascadeOnly an analyser without a care-action model: the model learns on the cascade's answers */
    static TextModel trainCare(List<Corpus.Row> rows, SocialAnalyzer cascadeOnly) {
        Map<String, Double> weights = balancing(rows);
        List<TextModel.Example> examples = new ArrayList<>();
        for (Corpus.Row r : rows) {
            examples.add(new TextModel.Example(CareActions.features(r.text(), cascadeOnly.analyze(r.text(), null)), r.label(),
                    weights.get(r.label()) * businessWeight(r)));
        }
        return TextModel.train(examples, CARE_SIGMA);
    }

    /** The same rows, read with the post's meaning too: the model for the posts the fast one is unsure of. */
    static TextModel trainCareMeaning(List<Corpus.Row> rows, SocialAnalyzer cascadeOnly) {
        Map<String, Double> weights = balancing(rows);
        List<TextModel.Example> examples = new ArrayList<>();
        for (Corpus.Row r : rows) {
            examples.add(new TextModel.Example(Meaning.features(CareActions.features(r.text(), cascadeOnly.analyze(r.text(), null)),
                    TextPrep.clean(r.text(), CoreNlpAnalyzer.MAX_CHARS, false)), r.label(), weights.get(r.label()) * businessWeight(r)));
        }
        return TextModel.train(examples, CARE_SIGMA);
    }

    /**
     * Posts to other kinds of business (TWCS: phones, shops, banks, games) are one label in twenty, the airline tweets the
     * rest; CareLoop reads posts to any brand, so each weighs {@value #OTHER_BUSINESS_WEIGHT}. Chosen on the 5-fold (posts
     * to other businesses 0.583 at 1, 0.589 at 2, 0.611 at 4, 0.611 at 8, 0.605 at 16; airline tweets 0.627 to 0.623).
     */
    static double businessWeight(Corpus.Row r) {
        return r.id().startsWith("twcs-") ? OTHER_BUSINESS_WEIGHT : 1;
    }

    static final double OTHER_BUSINESS_WEIGHT = 4;

    static final String CARE_MODEL = "care-action-en";
    static final String CARE_MEANING_MODEL = "care-action-meaning-en";
    private static final double CARE_SIGMA = 1.0;

    /** Weights that give every label of a set the same total: rows of rare labels count more. */
    static Map<String, Double> balancing(List<Corpus.Row> rows) {
        Map<String, Integer> counts = new HashMap<>();
        rows.forEach(r -> counts.merge(r.label(), 1, Integer::sum));
        Map<String, Double> weights = new HashMap<>();
        counts.forEach((label, n) -> weights.put(label, (double) rows.size() / (counts.size() * n)));
        return weights;
    }

    static List<Recipe> recipes(Path data) throws IOException {
        return List.of(
                sentimentEn(data),
                sentimentRu(new Source(Corpus.read(data.resolve("sentiment/sentirueval-banks.jsonl")), Metrics::macroF1)),
                // Slang and insults are many and spelt every way: the clusters help here (cross-validated
                // on OLID, macro-F1 0.720 -> 0.731), not for sentiment (SemEval 0.588 -> 0.577).
                new Recipe("offensive-en", List.of(
                        new Source(Corpus.read(data.resolve("abuse/olid-train.jsonl")), Metrics::macroF1, 1, true)), 1.0, true, true,
                        List.of(Corpus.read(data.resolve("abuse/olid-val.jsonl")))),
                // Irony only confirms sarcasm at a high probability: its prior is left as learnt.
                new Recipe("irony-en", List.of(
                        new Source(Corpus.read(data.resolve("irony/semeval2018-irony-train.jsonl")), Metrics::macroF1)), 1.0, false, false,
                        List.of(Corpus.read(data.resolve("irony/semeval2018-irony-val.jsonl")))));
    }

    /** Russian sentiment, from the posts of the given set (evaluate builds it on some banks to measure it on others). */
    static Recipe sentimentRu(Source posts) {
        return new Recipe("sentiment-ru", List.of(posts), 1.0, true, false, List.of());
    }

    /**
     * English sentiment: the airline care tweets and the SemEval 2013-2016 tweets, all of them (the
     * SemEval-2017 file measures, and no near-duplicate of its rows is learnt from). The two sets
     * weigh the same in all, so 49,000 general tweets do not drown 5,800 care tweets (weighed by
     * rows: airline 0.732, SemEval-2017 0.683; the same: 0.756 and 0.683). Features in fewer than
     * two tweets are dropped: the model shrinks from 14 to 6.6 MB for about 0.01 of either figure.
     */
    static Recipe sentimentEn(Path data) throws IOException {
        Corpus airline = Corpus.read(data.resolve("sentiment/airline-dev.jsonl"));
        Corpus semeval = Corpus.read(data.resolve("sentiment/semeval2013-2016-train.jsonl"));
        double even = (double) airline.training().size() / semeval.rows().size();
        return new Recipe("sentiment-en", List.of(new Source(airline, Metrics::macroF1), new Source(semeval, Metrics::macroRecall, even, true)),
                1.0, true, false, List.of(Corpus.read(data.resolve("sentiment/semeval2017-val.jsonl"))), 2, true);
    }
}
