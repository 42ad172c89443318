package org.careloop.analysis;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code careloop train}: builds the models CareLoop ships from the shared labelled data, on the
 * training rows only ({@link Corpus} keeps one row in five out for measuring). Deterministic:
 * the same data gives the same models.
 */
public final class TrainCommand {

    /** One model: its name, the sets it learns from, and how strongly it is regularised. */
    record Recipe(String name, List<Corpus> corpora, double sigma) {}

    private TrainCommand() {}

    public static int run(Path data, Path out, PrintStream log) throws IOException {
        for (Recipe r : recipes(data)) {
            List<TextModel.Example> examples = new ArrayList<>();
            for (Corpus c : r.corpora()) {
                for (Corpus.Row row : c.training()) {
                    examples.add(new TextModel.Example(Features.of(SocialText.of(row.text())), row.label()));
                }
            }
            long start = System.nanoTime();
            TextModel model = TextModel.train(examples, r.sigma());
            Path file = out.resolve(r.name() + ".ser.gz");
            model.save(file);
            log.printf(Locale.ROOT, "%-14s %6d examples  %5.1f s  -> %s%n", r.name(), examples.size(),
                    (System.nanoTime() - start) / 1e9, file);
        }
        return 0;
    }

    static List<Recipe> recipes(Path data) throws IOException {
        return List.of(
                new Recipe("sentiment-en", List.of(
                        Corpus.read(data.resolve("sentiment/airline-dev.jsonl")),
                        Corpus.read(data.resolve("sentiment/semeval2017-val.jsonl"))), 1.0),
                new Recipe("sentiment-ru", List.of(Corpus.read(data.resolve("sentiment/sentirueval-banks.jsonl"))), 1.0),
                new Recipe("offensive-en", List.of(Corpus.read(data.resolve("abuse/olid-train.jsonl"))), 1.0),
                new Recipe("irony-en", List.of(Corpus.read(data.resolve("irony/semeval2018-irony-train.jsonl"))), 1.0));
    }
}
