package org.careloop.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.Set;
import java.util.Locale;
import java.util.function.Function;

/**
 * {@code careloop evaluate}: the analysis measured on posts it was not trained on (the held-out
 * rows of each set, and sets not used in training at all), in the figures the analysis issue sets.
 */
public final class EvaluateCommand {

    private EvaluateCommand() {}

    public static int run(Path data, Analyzer analyzer, PrintStream out) throws IOException {
        return run(data, TrainCommand.CARE_LABELS, analyzer, out);
    }

    public static int run(Path data, Path careLabels, Analyzer analyzer, PrintStream out) throws IOException {
        out.println("CareLoop analysis, measured on held-out rows (never trained on; near-duplicates of a training row are never held out)");
        Corpus airline = Corpus.read(data.resolve("sentiment/airline-dev.jsonl"));
        Corpus semeval = Corpus.read(data.resolve("sentiment/semeval2017-val.jsonl"));
        Corpus russian = Corpus.read(data.resolve("sentiment/sentirueval-banks.jsonl"));
        Corpus olid = Corpus.read(data.resolve("abuse/olid-val.jsonl"));

        // English sentiment learns from the SemEval 2013-2016 tweets, never from this file (nor near-copies of its rows).
        Metrics sem = measure(semeval.rows(), analyzer, a -> a.sentiment().label().id());
        report(out, "Sentiment, tweets (SemEval-2017 val, unseen)", sem, "macro-recall", sem.macroRecall(), 0.66);
        Metrics semHeld = measure(semeval.heldOutRows(), analyzer, a -> a.sentiment().label().id());
        out.printf(Locale.ROOT, "      its held-out part (measured until the SemEval 2013-2016 tweets came): macro-recall %.3f, %d posts%n",
                semHeld.macroRecall(), semHeld.total());
        Metrics air = measure(airline.heldOutRows(), analyzer, a -> a.sentiment().label().id());
        report(out, "Sentiment, airline care tweets", air, "macro-F1", air.macroF1(), 0.78);
        Metrics ru = measure(russian.heldOutRows().stream()
                .map(r -> new Corpus.Row(r.id(), r.text(), r.label(), r.raw())).toList(), analyzer, "ru", a -> a.sentiment().label().id());
        // The same banks it learnt from: for comparison (the target is for a topic never learnt, below).
        report(out, "Sentiment, Russian (SentiRuEval, same banks)", ru, "macro-F1", ru.macroF1(), 0.62);
        russianAcrossBanks(russian, out);
        Metrics off = measure(olid.rows(), analyzer, a -> a.offensive().label() ? "offensive" : "not-offensive");
        report(out, "Offensive language (OLID val, unseen set)", off, "macro-F1", off.macroF1(), 0.76);

        irony(data.resolve("irony/semeval2018-irony-val.jsonl"), analyzer, out);

        careActions(data.resolve("conversations/actions-dev.jsonl"), analyzer, out);
        if (Files.isRegularFile(careLabels)) {
            careCrossValidation(data, careLabels, out);
        }
        if (Files.isRegularFile(TrainCommand.OTHER_LABELS)) {
            careOtherCrossValidation(TrainCommand.OTHER_LABELS, out);
        }

        Metrics[] intent = intentAgreement(data.resolve("conversations/twcs-dev.jsonl"), analyzer);
        out.printf(Locale.ROOT, "%-44s %5d posts  agreement %.3f  macro-F1 %.3f  (measured, no target)%n      %s%n"
                        + "      development part (cues written against it): agreement %.3f, macro-F1 %.3f, %d posts%n",
                "Intent vs what care teams did (TWCS test)", intent[1].total(), intent[1].accuracy(), intent[1].macroF1(), intent[1].perLabel(),
                intent[0].accuracy(), intent[0].macroF1(), intent[0].total());

        // Held-out rows only: the troll cues were written with the airline rows in view.
        List<Corpus.Row> genuine = airline.heldOutRows().stream()
                .filter(r -> r.label().equals("negative") && r.raw().hasNonNull("reason") && !r.raw().get("reason").asText().equals("Can't Tell"))
                .toList();
        long flagged = genuine.stream().filter(r -> analyzer.analyze(r.text(), "en").troll().label()).count();
        double share = (double) flagged / Math.max(1, genuine.size());
        out.printf(Locale.ROOT, "%-44s %5d posts  flagged as troll %.2f%%  (target <= 0.5%%)  %s%n",
                "Genuine customers (airline held out, problem)", genuine.size(), 100 * share, share <= 0.005 ? "OK" : "BELOW TARGET");
        return 0;
    }

    /**
     * Russian sentiment the way it will be used, on a topic it was not trained on: a model built by
     * the shipped recipe on the posts that do not name Sberbank answers those that do (2,032), and
     * one built on Sberbank's answers the other banks' (1,270). There is no other industry here; a
     * bank it never read is the nearest stand-in.
     */
    static void russianAcrossBanks(Corpus russian, PrintStream out) {
        java.util.function.Predicate<Corpus.Row> sber = r -> r.text().toLowerCase(Locale.ROOT).contains("сбербанк");
        TextModel en = TextModel.load("sentiment-en");
        TextModel off = TextModel.load("offensive-en");
        TextModel irony = TextModel.load("irony-en");
        Metrics[] m = new Metrics[2];
        for (int i = 0; i < 2; i++) {
            boolean testSber = i == 0;
            List<Corpus.Row> train = russian.rows().stream().filter(r -> sber.test(r) != testSber).toList();
            List<Corpus.Row> test = russian.rows().stream().filter(r -> sber.test(r) == testSber).toList();
            TextModel ru = TrainCommand.build(TrainCommand.sentimentRu(new TrainCommand.Source(new Corpus("banks", train), Metrics::macroF1, 1, true)))
                    .model();
            m[i] = measure(test, new SocialAnalyzer(en, ru, off, irony), "ru", a -> a.sentiment().label().id());
        }
        double mean = (m[0].macroF1() + m[1].macroF1()) / 2;
        out.printf(Locale.ROOT, "%-44s %5d posts  macro-F1 %.3f  (target >= 0.62)  %s%n      Sberbank, learnt from the others: %.3f; "
                        + "the others, learnt from Sberbank: %.3f%n", "Sentiment, Russian, on a bank never learnt", m[0].total() + m[1].total(),
                mean, mean >= 0.62 ? "OK" : "BELOW TARGET", m[0].macroF1(), m[1].macroF1());
    }

    /**
     * Irony on the SemEval-2018 validation tweets (never learnt from): how many ironic tweets the
     * analysis still takes for praise (read positive), beside the non-ironic ones, and the irony
     * model alone (F1 of the irony class, SemEval-2018 3A's measure; the best system reached 0.705).
     */
    static void irony(Path file, Analyzer analyzer, PrintStream out) throws IOException {
        TextModel model = TextModel.load("irony-en");
        Metrics m = new Metrics();
        int[] ironic = new int[2];
        int[] plain = new int[2];
        for (Corpus.Row r : Corpus.read(file).rows()) {
            m.add(r.label(), model.predict(Features.of(SocialText.of(TextPrep.clean(r.text(), CoreNlpAnalyzer.MAX_CHARS, false)))).label());
            int[] count = r.label().equals("irony") ? ironic : plain;
            count[0]++;
            count[1] += analyzer.analyze(r.text(), "en").sentiment().label() == Sentiment.Label.POSITIVE ? 1 : 0;
        }
        out.printf(Locale.ROOT, "%-44s %5d posts  ironic read as praise %.1f%% (non-ironic read positive %.1f%%)  (measured, no target)%n"
                        + "      irony model alone: F1(irony) %.3f, macro-F1 %.3f%n",
                "Irony (SemEval-2018 val, unseen)", m.total(), 100.0 * ironic[1] / Math.max(1, ironic[0]), 100.0 * plain[1] / Math.max(1, plain[0]),
                m.f1("irony"), m.macroF1());
    }

    /**
     * The care action against a care lead's label, on the held-back part of the labelled posts
     * (the development part, which the cues were written against, is shown for comparison only).
     */
    static void careActions(Path file, Analyzer analyzer, PrintStream out) throws IOException {
        Metrics held = new Metrics();
        Metrics dev = new Metrics();
        int urgentRight = 0;
        for (Corpus.Row r : Corpus.read(file, n -> n.path("action").asText(null)).rows()) {
            Analysis a = analyzer.analyze(r.text(), null);
            if (ActionsSplit.heldBack(r.text())) {
                held.add(r.label(), a.care().label().id());
                urgentRight += a.care().urgent() == r.raw().path("urgent").asBoolean() ? 1 : 0;
            } else {
                dev.add(r.label(), a.care().label().id());
            }
        }
        report(out, "Care action, held-back labelled posts", held, "macro-F1", held.macroF1(), 0.65);
        out.printf(Locale.ROOT, "      accuracy %.3f, ignore precision %.3f, urgent agreement %.3f; development part (trained on): macro-F1 %.3f, %d posts%n",
                held.accuracy(), held.precision("ignore"), (double) urgentRight / Math.max(1, held.total()), dev.macroF1(), dev.total());
    }

    private static final int FOLDS = 5;

    /**
     * The care-action model cross-validated over the further labels (the development rows always
     * train): each fold's rows are answered by a model trained without them. Folds go by the
     * post's normalised text, so reposts stay together. A steadier figure than 116 held-back posts.
     */
    static void careCrossValidation(Path data, Path careLabels, PrintStream out) throws IOException {
        SocialAnalyzer cascadeOnly = cascadeOnly();
        TrainCommand.CareRows rows = TrainCommand.careRows(data, careLabels);
        Metrics m = new Metrics();
        Metrics cues = new Metrics();
        Map<String, Metrics> bySource = new TreeMap<>();
        for (int fold = 0; fold < FOLDS; fold++) {
            List<Corpus.Row> training = new ArrayList<>(rows.development());
            List<Corpus.Row> testing = new ArrayList<>();
            for (Corpus.Row r : rows.further()) {
                (fold(r.text()) == fold ? testing : training).add(r);
            }
            // Urgency is not measured here: the time cues stand in, so no model trained on these rows answers them.
            SocialAnalyzer analyzer = cascadeOnly.withCareModels(TrainCommand.trainCare(training, cascadeOnly),
                    TrainCommand.trainCareMeaning(training, cascadeOnly), null);
            for (Corpus.Row r : testing) {
                String got = analyzer.analyze(r.text(), null).care().label().id();
                m.add(r.label(), got);
                bySource.computeIfAbsent(r.id().substring(0, Math.max(0, r.id().indexOf('-'))), k -> new Metrics()).add(r.label(), got);
                cues.add(r.label(), cascadeOnly.analyze(r.text(), null).care().label().id());
            }
        }
        report(out, "Care action, " + FOLDS + "-fold over further labels", m, "macro-F1", m.macroF1(), 0.65);
        out.printf(Locale.ROOT, "      accuracy %.3f, ignore precision %.3f; the cues alone: macro-F1 %.3f%n", m.accuracy(), m.precision("ignore"),
                cues.macroF1());
        // The labels are mostly airline tweets; TWCS posts are to other businesses (see TrainCommand.businessWeight).
        out.printf(Locale.ROOT, "      by source: %s%n", bySource.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.3f (%d posts)", e.getKey(), e.getValue().macroF1(), e.getValue().total()))
                .collect(Collectors.joining("; ")));
        out.printf(Locale.ROOT, "      commonest mistakes (care lead's action -> CareLoop's): %s%n", m.mistakes(8));
    }

    /**
     * The other languages' care-action model cross-validated over its helper-written posts (folds by normalised text), beside
     * what the cues alone answer: how much the model adds. Written posts, not real ones: a blind review measures the drafts.
     */
    static void careOtherCrossValidation(Path labels, PrintStream out) throws IOException {
        SocialAnalyzer cascadeOnly = cascadeOnly();
        List<Corpus.Row> rows = TrainCommand.otherRows(labels);
        Metrics m = new Metrics();
        Metrics cues = new Metrics();
        for (int fold = 0; fold < FOLDS; fold++) {
            List<Corpus.Row> training = new ArrayList<>();
            List<Corpus.Row> testing = new ArrayList<>();
            for (Corpus.Row r : rows) {
                (fold(r.text()) == fold ? testing : training).add(r);
            }
            SocialAnalyzer analyzer = cascadeOnly.withCareOther(TrainCommand.trainCareOther(training, cascadeOnly));
            for (Corpus.Row r : testing) {
                String lang = r.raw().path("lang").asText(null);
                m.add(r.label(), analyzer.analyze(r.text(), lang).care().label().id());
                cues.add(r.label(), cascadeOnly.analyze(r.text(), lang).care().label().id());
            }
        }
        report(out, "Care action, other languages, " + FOLDS + "-fold", m, "macro-F1", m.macroF1(), 0.65);
        out.printf(Locale.ROOT, "      accuracy %.3f; the cues alone: macro-F1 %.3f, accuracy %.3f (posts written by helpers, not real ones)%n",
                m.accuracy(), cues.macroF1(), cues.accuracy());
    }

    /** The built-in analysis models without care models: what the care models learn from. */
    private static SocialAnalyzer cascadeOnly() {
        return new SocialAnalyzer(TextModel.load("sentiment-en"), TextModel.load("sentiment-ru"), TextModel.load("offensive-en"),
                TextModel.load("irony-en")).withSentimentMeaning(TextModel.load("sentiment-en-meaning"));
    }

    private static int fold(String text) {
        return NearDuplicates.bucket(ActionsSplit.normalise(text), "#fold", FOLDS);
    }

    private static final java.util.regex.Pattern PRIVATE = java.util.regex.Pattern.compile(
            "\\b(dm|direct message|private message|pm|send us|reach out|e-?mail us|call us|contact us|follow (us|and dm)|"
                    + "account (number|details)|order (number|details)|more details|details (via|in)|look into)\\b",
            java.util.regex.Pattern.CASE_INSENSITIVE);
    private static final java.util.regex.Pattern THANKED = java.util.regex.Pattern.compile(
            "\\b(glad|happy to hear|great to hear|love to hear|love that|awesome|you're welcome|our pleasure|thanks for the (love|kind|shout))",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * What real care teams did with each customer tweet in the conversations set, read from their
     * first reply: moved it to a private channel (problem), thanked (praise), or answered in public
     * (everything else), against the intent CareLoop gives the customer's tweet. The conversations
     * are split in two by their first tweet: a development part, which the intent cues may be
     * written against, and a test part, which is only measured.
     *
     * @return the development part's agreement and the test part's
     */
    static Metrics[] intentAgreement(Path file, Analyzer analyzer) throws IOException {
        Map<String, com.fasterxml.jackson.databind.JsonNode> byId = new java.util.HashMap<>();
        for (Corpus.Row r : Corpus.read(file, n -> "any").rows()) {
            byId.put(r.raw().path("tweet_id").asText(), r.raw());
        }
        Metrics[] parts = {new Metrics(), new Metrics()};
        for (com.fasterxml.jackson.databind.JsonNode t : byId.values()) {
            if (!t.path("inbound").asBoolean() || t.path("response_tweet_id").isNull()) {
                continue;
            }
            com.fasterxml.jackson.databind.JsonNode reply = null;
            for (String id : t.path("response_tweet_id").asText().split(",")) {
                com.fasterxml.jackson.databind.JsonNode r = byId.get(id.trim());
                if (r != null && !r.path("inbound").asBoolean()) {
                    reply = r;
                    break;
                }
            }
            if (reply == null) {
                continue;
            }
            String text = reply.path("text").asText();
            String done = PRIVATE.matcher(text).find() ? "private" : THANKED.matcher(text).find() ? "thanked" : "public";
            Intent.Label intent = analyzer.analyze(t.path("text").asText(), null).intent().label();
            String ours = switch (intent) {
                case PROBLEM -> "private";
                case PRAISE -> "thanked";
                default -> "public";
            };
            parts[twcsTest(t, byId) ? 1 : 0].add(done, ours);
        }
        return parts;
    }

    /** Whether the tweet's conversation, named by its first tweet, is in the test part (one in two). */
    static boolean twcsTest(com.fasterxml.jackson.databind.JsonNode tweet, Map<String, com.fasterxml.jackson.databind.JsonNode> byId) {
        com.fasterxml.jackson.databind.JsonNode first = tweet;
        Set<String> seen = new HashSet<>();
        while (first.hasNonNull("in_response_to_tweet_id") && seen.add(first.path("tweet_id").asText())) {
            com.fasterxml.jackson.databind.JsonNode up = byId.get(first.get("in_response_to_tweet_id").asText());
            if (up == null) {
                // The sample lacks the tweet answered: the one it answered names the conversation.
                return NearDuplicates.bucket(first.get("in_response_to_tweet_id").asText(), "#twcs", 2) == 1;
            }
            first = up;
        }
        return NearDuplicates.bucket(first.path("tweet_id").asText(), "#twcs", 2) == 1;
    }

    static Metrics measure(List<Corpus.Row> rows, Analyzer analyzer, Function<Analysis, String> label) {
        return measure(rows, analyzer, null, label);
    }

    static Metrics measure(List<Corpus.Row> rows, Analyzer analyzer, String lang, Function<Analysis, String> label) {
        Metrics m = new Metrics();
        for (Corpus.Row r : rows) {
            m.add(r.label(), label.apply(analyzer.analyze(r.text(), lang)));
        }
        return m;
    }

    private static void report(PrintStream out, String what, Metrics m, String measure, double value, double target) {
        out.printf(Locale.ROOT, "%-44s %5d posts  %s %.3f  (target >= %.2f)  %s%n      %s%n", what, m.total(), measure, value, target,
                value >= target ? "OK" : "BELOW TARGET", m.perLabel());
    }
}
