package org.careloop.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.function.Function;
import org.careloop.config.Json;

/**
 * Labelled posts from the shared data (JSON lines with {@code id}, {@code text}, {@code label}),
 * split for good: one group in five is held out of training and used only to measure. The groups
 * are {@link NearDuplicates}: the same text once normalised (retweets, reposts, a handle or link
 * more or less) or nearly the same words, so a copy of a training row is never measured as new.
 *
 * @param groups each normalised text's near-duplicate group
 */
public record Corpus(String name, List<Row> rows, Map<String, String> groups) {

    public Corpus(String name, List<Row> rows) {
        this(name, rows, NearDuplicates.groups(rows.stream().map(Row::text).toList()));
    }

    public record Row(String id, String text, String label, JsonNode raw) {}

    /** @param relabel maps the file's label to the model's label, or null to drop the row */
    public static Corpus read(Path file, Function<JsonNode, String> relabel) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = Json.mapper().readTree(line);
                String label = relabel.apply(n);
                if (label != null && n.hasNonNull("text")) {
                    rows.add(new Row(n.path("id").asText(), n.get("text").asText(), label, n));
                }
            }
        }
        return new Corpus(file.getFileName().toString(), rows);
    }

    public static Corpus read(Path file) throws IOException {
        return read(file, n -> n.path("label").asText(null));
    }

    /** The row's near-duplicate group. */
    String group(Row r) {
        return groups.get(ActionsSplit.normalise(r.text()));
    }

    boolean heldOut(Row r) {
        return NearDuplicates.bucket(group(r), "", 5) == 0;
    }

    /**
     * A second split, of the training rows only, for tuning what the fit itself cannot (the label
     * priors): another hash of the same groups, so it is independent of the held-out rows and no
     * tuning row has a copy among the fitting rows.
     */
    boolean tuning(Row r) {
        return NearDuplicates.bucket(group(r), "#tune", 5) == 0;
    }

    public List<Row> training() {
        return rows.stream().filter(r -> !heldOut(r)).toList();
    }

    /**
     * The rows less any that is a near-duplicate of a row of the given sets (sets that are measured
     * whole, such as a validation file), so those stay clean checks.
     */
    static List<Row> apartFrom(List<Row> rows, List<Corpus> checks) {
        if (checks.isEmpty()) {
            return rows;
        }
        List<String> texts = new ArrayList<>();
        rows.forEach(r -> texts.add(r.text()));
        checks.forEach(c -> c.rows().forEach(r -> texts.add(r.text())));
        Map<String, String> together = NearDuplicates.groups(texts);
        Set<String> checked = new HashSet<>();
        checks.forEach(c -> c.rows().forEach(r -> checked.add(together.get(ActionsSplit.normalise(r.text())))));
        return rows.stream().filter(r -> !checked.contains(together.get(ActionsSplit.normalise(r.text())))).toList();
    }

    public List<Row> heldOutRows() {
        return rows.stream().filter(this::heldOut).toList();
    }
}
