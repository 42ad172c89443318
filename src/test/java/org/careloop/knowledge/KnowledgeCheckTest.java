package org.careloop.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.careloop.knowledge.KnowledgeCheck.Asked;
import org.careloop.knowledge.KnowledgeCheck.Outcome;
import org.junit.jupiter.api.Test;

/** Each phrasing asked with itself left out: what the next customer asking it in other words would get. */
class KnowledgeCheckTest {

    private static KnowledgeEntry entry(String id, List<String> questions, String answer) {
        return new KnowledgeEntry(id, id, null, Map.of("es", questions), Map.of("es", answer), "rules/knowledge/test.yaml", 1);
    }

    /** Entries about other things, so that a word's rarity counts as it does in a real knowledge base. */
    private static final List<KnowledgeEntry> OTHERS = java.util.stream.Stream.of("wifi", "asiento", "millas", "sala", "puerta",
                    "retraso", "factura", "nombre", "silla", "bicicleta")
            .map(w -> entry("otro-" + w, List.of("consulta de " + w, w + " por favor"), "Sobre " + w + ": lea la web.")).toList();

    private static final List<KnowledgeEntry> ENTRIES = java.util.stream.Stream.concat(OTHERS.stream(), java.util.stream.Stream.of(
            entry("maletas", List.of("cuántas maletas facturadas incluye mi billete economy",
                    "puedo facturar dos maletas grandes en economy",
                    "cuántos kilos de equipaje facturado incluye economy",
                    // Asked about the meal, written under the bags: another entry must answer it, and the check says so.
                    "sirven comida caliente a bordo en vuelos largos"),
                    "Economy incluye una maleta facturada de 23 kilos; Business dos maletas facturadas."),
            entry("comida", List.of("sirven comida caliente a bordo en vuelos largos, qué comida hay",
                    "hay comida caliente a bordo o solo bebidas",
                    "qué comida y bebidas sirven a bordo en economy"),
                    "En vuelos largos servimos comida caliente y bebidas a bordo; en cortos, bebidas y un snack."),
            entry("mascotas", List.of("puedo viajar con mi perro en cabina",
                    "mi gato puede ir en cabina conmigo"),
                    "Perros y gatos de hasta 8 kg viajan en cabina en un transportín."))).toList();

    private static Asked asked(List<Asked> all, String phrasing) {
        return all.stream().filter(a -> a.phrasing().equals(phrasing)).findFirst().orElseThrow();
    }

    @Test
    void everyPhrasingIsAskedWithItselfLeftOut() {
        List<Asked> all = KnowledgeCheck.run(ENTRIES);

        assertThat(all).hasSize(29);
        // Right, and sure of it, from the other phrasings and the answer alone.
        assertThat(asked(all, "cuántos kilos de equipaje facturado incluye economy").outcome()).isEqualTo(Outcome.OWN);
        // A phrasing filed under the wrong entry is answered, confidently, by the entry it is about.
        Asked misfiled = asked(all, "sirven comida caliente a bordo en vuelos largos");
        assertThat(misfiled.outcome()).isEqualTo(Outcome.WRONG);
        assertThat(misfiled.found()).isEqualTo("comida");
        assertThat(misfiled.score()).isGreaterThan(misfiled.next());
        // Outside English an entry is sure from 1.4 times the next (4.0 against 2.5 here), not English's 1.6.
        assertThat(asked(all, "qué comida y bebidas sirven a bordo en economy").outcome()).isEqualTo(Outcome.OWN);
        // With itself in the index it would find itself; left out, its words are not in its own entry.
        assertThat(asked(all, "mi gato puede ir en cabina conmigo").outcome()).isNotEqualTo(Outcome.OWN);

        KnowledgeCheck.Figures es = KnowledgeCheck.figures(all).get(0);
        assertThat(es.lang()).isEqualTo("es");
        assertThat(es.phrasings()).isEqualTo(29);
        assertThat(es.counts().get(Outcome.WRONG)).isEqualTo(1);
    }

    @Test
    void theReportNamesTheFileAndEntryOfEachPhrasingAnsweredWrongly() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        KnowledgeCheck.report(KnowledgeCheck.run(ENTRIES), false, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(out).containsPattern("es +29 +\\d+ \\([\\d.]+ %\\) +1 \\(3\\.4 %\\)");
        assertThat(out).contains("rules/knowledge/test.yaml, maletas [es] \"sirven comida caliente a bordo en vuelos largos\" -> comida");
    }

    @Test
    void questionsKeptByTheTeamAreSearchedAsPosts(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("questions.jsonl");
        java.nio.file.Files.writeString(file, """
                {"id": "maletas", "lang": "es", "text": "@acmeair cuántas maletas facturadas puedo llevar en economy?"}

                {"id": "mascotas", "lang": "es", "text": "@acmeair mi perro puede viajar conmigo en cabina?"}
                """);
        java.util.Set<String> ids = ENTRIES.stream().map(KnowledgeEntry::id).collect(java.util.stream.Collectors.toSet());
        Knowledge k = new Knowledge(ENTRIES);
        List<Asked> asked = KnowledgeCheck.askQuestions(k, KnowledgeCheck.readQuestions(file, ids), k::sureAnswer);

        assertThat(asked).extracting(Asked::found).containsExactly("maletas", "mascotas");
        assertThat(asked.get(0).outcome()).isEqualTo(Outcome.OWN);
        // Nothing may answer: the rules' own test says so, whatever the search found.
        assertThat(KnowledgeCheck.askQuestions(k, KnowledgeCheck.readQuestions(file, ids), (post, lang) -> java.util.Optional.empty()))
                .extracting(Asked::outcome).containsOnly(Outcome.OWN_UNSURE);
    }

    @Test
    void aQuestionsFileALineOfWhichCannotBeUsedIsNamedWithItsLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("questions.jsonl");
        java.util.Set<String> ids = java.util.Set.of("maletas");
        java.nio.file.Files.writeString(file, "{\"id\": \"maletas\", \"lang\": \"es\", \"text\": \"cuántas maletas?\"}\n{\"id\": \"maletas\", \"lang\": \"pt\", \"text\": \"quantas malas?\"}\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KnowledgeCheck.readQuestions(file, ids))
                .isInstanceOf(KnowledgeException.class).hasMessageContaining("line 2").hasMessageContaining("'pt'");
        java.nio.file.Files.writeString(file, "{\"id\": \"wifi\", \"lang\": \"es\", \"text\": \"hay wifi?\"}\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KnowledgeCheck.readQuestions(file, ids))
                .hasMessageContaining("line 1").hasMessageContaining("'wifi'");
        java.nio.file.Files.writeString(file, "{\"id\": \"maletas\", \"language\": \"es\", \"text\": \"hay wifi?\"}\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KnowledgeCheck.readQuestions(file, ids)).hasMessageContaining("\"lang\"");
    }
}
