package org.careloop.analysis;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * {@code careloop evaluate}: the analysis measured on posts it was not trained on (the held-out
 * rows of each set, and sets not used in training at all), in the figures the analysis issue sets.
 */
public final class EvaluateCommand {

    private EvaluateCommand() {}

    public static int run(Path data, Analyzer analyzer, PrintStream out) throws IOException {
        out.println("CareLoop analysis, measured on held-out rows (never trained on)");
        Corpus airline = Corpus.read(data.resolve("sentiment/airline-dev.jsonl"));
        Corpus semeval = Corpus.read(data.resolve("sentiment/semeval2017-val.jsonl"));
        Corpus russian = Corpus.read(data.resolve("sentiment/sentirueval-banks.jsonl"));
        Corpus olid = Corpus.read(data.resolve("abuse/olid-val.jsonl"));

        Metrics sem = measure(semeval.heldOutRows(), analyzer, a -> a.sentiment().label().id());
        report(out, "Sentiment, tweets (SemEval-2017)", sem, "macro-recall", sem.macroRecall(), 0.68);
        Metrics air = measure(airline.heldOutRows(), analyzer, a -> a.sentiment().label().id());
        report(out, "Sentiment, airline care tweets", air, "macro-F1", air.macroF1(), 0.80);
        Metrics ru = measure(russian.heldOutRows().stream()
                .map(r -> new Corpus.Row(r.id(), r.text(), r.label(), r.raw())).toList(), analyzer, "ru", a -> a.sentiment().label().id());
        report(out, "Sentiment, Russian (SentiRuEval)", ru, "macro-F1", ru.macroF1(), 0.60);
        Metrics off = measure(olid.rows(), analyzer, a -> a.troll().offensive() ? "offensive" : "not-offensive");
        report(out, "Offensive language (OLID val, unseen set)", off, "macro-F1", off.macroF1(), 0.80);

        List<Corpus.Row> genuine = airline.rows().stream()
                .filter(r -> r.label().equals("negative") && r.raw().hasNonNull("reason") && !r.raw().get("reason").asText().equals("Can't Tell"))
                .toList();
        long flagged = genuine.stream().filter(r -> analyzer.analyze(r.text(), "en").troll().label()).count();
        double share = (double) flagged / Math.max(1, genuine.size());
        out.printf(Locale.ROOT, "%-44s %5d posts  flagged as troll %.2f%%  (target <= 1%%)  %s%n",
                "Genuine customers (airline, named problem)", genuine.size(), 100 * share, share <= 0.01 ? "OK" : "BELOW TARGET");
        return 0;
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
