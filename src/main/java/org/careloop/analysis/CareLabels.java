package org.careloop.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.careloop.config.Json;

/**
 * Care actions labelled beyond {@code actions-dev.jsonl}, kept in the repository as ids and
 * labels only: the posts' texts stay in the shared sets they come from (their licence is not
 * this project's), and are joined here by id ({@code twcs-<tweet_id>}, {@code airline-<id>}).
 */
final class CareLabels {

    private CareLabels() {}

    static List<Corpus.Row> read(Path labels, Path data) throws IOException {
        Map<String, String> texts = new HashMap<>();
        for (Corpus.Row r : Corpus.read(data.resolve("conversations/twcs-dev.jsonl"), n -> "any").rows()) {
            texts.put("twcs-" + r.raw().path("tweet_id").asText(), r.text());
        }
        for (Corpus.Row r : Corpus.read(data.resolve("sentiment/airline-dev.jsonl")).rows()) {
            texts.put(r.id(), r.text());
        }
        List<Corpus.Row> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(labels, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = Json.mapper().readTree(line);
                String id = n.path("id").asText("");
                String text = texts.get(id);
                String action = n.path("action").asText("");
                if (text == null || action.isEmpty()) {
                    throw new IOException(labels + " line " + number + ": " + (text == null ? "no post with id '" + id + "' in " + data
                            : "no action"));
                }
                CareAction.Label.of(action);
                rows.add(new Corpus.Row(id, text, action, n));
            }
        }
        return rows;
    }
}
