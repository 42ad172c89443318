package org.careloop.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.careloop.SharedData;
import org.careloop.config.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CareLabelsTest {

    @TempDir
    Path dir;

    private Path data() throws IOException {
        Files.createDirectories(dir.resolve("conversations"));
        Files.createDirectories(dir.resolve("sentiment"));
        Files.writeString(dir.resolve("conversations/twcs-dev.jsonl"),
                "{\"tweet_id\": \"7\", \"inbound\": true, \"text\": \"@acme my bag never came\"}\n");
        Files.writeString(dir.resolve("sentiment/airline-dev.jsonl"),
                "{\"id\": \"airline-1\", \"text\": \"@acme lovely crew today\", \"label\": \"positive\"}\n");
        return dir;
    }

    @Test
    void labelsAreJoinedWithTheTextsOfTheSharedSets() throws IOException {
        Path labels = dir.resolve("labels.jsonl");
        Files.writeString(labels, "{\"id\": \"twcs-7\", \"action\": \"ticket\", \"urgent\": false}\n\n"
                + "{\"id\": \"airline-1\", \"action\": \"thank\", \"urgent\": false}\n");
        List<Corpus.Row> rows = CareLabels.read(labels, data());
        assertEquals(List.of("@acme my bag never came", "@acme lovely crew today"), rows.stream().map(Corpus.Row::text).toList());
        assertEquals(List.of("ticket", "thank"), rows.stream().map(Corpus.Row::label).toList());
    }

    @Test
    void anUnknownPostOrActionNamesTheFileAndLine() throws IOException {
        Path data = data();
        Path labels = dir.resolve("labels.jsonl");
        Files.writeString(labels, "{\"id\": \"twcs-7\", \"action\": \"ticket\"}\n{\"id\": \"twcs-8\", \"action\": \"ticket\"}\n");
        IOException e = assertThrows(IOException.class, () -> CareLabels.read(labels, data));
        assertTrue(e.getMessage().contains("labels.jsonl line 2") && e.getMessage().contains("twcs-8"), e.getMessage());

        Files.writeString(labels, "{\"id\": \"twcs-7\", \"action\": \"reply\"}\n");
        assertThrows(IllegalArgumentException.class, () -> CareLabels.read(labels, data));
    }

    /** The committed labels carry no text, resolve in the shared sets, and never repeat a held-back post. */
    @Test
    void theCommittedLabelsKeepTheHeldBackPostsOut() throws IOException {
        Path data = SharedData.dir();
        for (String line : Files.readAllLines(TrainCommand.CARE_LABELS)) {
            JsonNode n = Json.mapper().readTree(line);
            assertEquals(Set.of("id", "action", "urgent"), fields(n), line);
        }
        Set<String> heldBack = new HashSet<>();
        for (Corpus.Row r : Corpus.read(data.resolve("conversations/actions-dev.jsonl"), n -> n.path("action").asText(null)).rows()) {
            if (ActionsSplit.heldBack(r.text())) {
                heldBack.add(ActionsSplit.normalise(r.text()));
            }
        }
        List<Corpus.Row> labelled = CareLabels.read(TrainCommand.CARE_LABELS, data);
        assertTrue(labelled.size() >= 2500, "labels: " + labelled.size());
        assertFalse(labelled.stream().anyMatch(r -> heldBack.contains(ActionsSplit.normalise(r.text()))));
        TrainCommand.CareRows rows = TrainCommand.careRows(data, TrainCommand.CARE_LABELS);
        assertEquals(284, rows.development().size());
        assertTrue(rows.further().stream().noneMatch(r -> heldBack.contains(ActionsSplit.normalise(r.text()))));
    }

    private static Set<String> fields(JsonNode n) {
        Set<String> names = new HashSet<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
