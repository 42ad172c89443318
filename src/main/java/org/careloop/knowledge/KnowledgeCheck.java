package org.careloop.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.careloop.analysis.Meaning;

/**
 * How well the knowledge finds its own entries: each phrasing is asked as a customer would, with that phrasing left out of
 * its entry, so it stands for the next customer who asks the same in other words. A phrasing answered confidently by
 * another entry is what an operator fixes first (a customer would get the wrong answer in public); one left unsure waits
 * for a person. The same figures choose the confidence thresholds in {@link Knowledge}.
 */
public final class KnowledgeCheck {

    private KnowledgeCheck() {}

    /** What a phrasing, left out of its entry, found. */
    public enum Outcome {
        /** Its own entry, confidently: answered in public. */
        OWN,
        /** Its own entry first, not confidently: a person picks it. */
        OWN_UNSURE,
        /** Another entry first, not confidently. */
        OTHER_UNSURE,
        /** Another entry, confidently: the wrong answer in public. */
        WRONG,
        /** No entry shares a word with it. */
        NOTHING
    }

    /** One phrasing asked: its entry, language, what came first (null for nothing), its score and the next entry's. */
    public record Asked(KnowledgeEntry entry, String lang, String phrasing, Outcome outcome, String found, double score, double next) {}

    /** Per language, how many phrasings came out each way. */
    public record Figures(String lang, Map<Outcome, Integer> counts) {

        public int phrasings() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** Every phrasing of every entry in the knowledge's languages, asked with itself left out (in the entries' order). */
    public static List<Asked> run(List<KnowledgeEntry> entries) {
        Map<String, float[]> read = new ConcurrentHashMap<>();
        Function<String, float[]> meaning = t -> read.computeIfAbsent(t, Meaning::of);
        record Task(int index, String lang, String phrasing) {}
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            for (Map.Entry<String, List<String>> q : entries.get(i).questions().entrySet()) {
                if (Knowledge.LANGUAGES.contains(q.getKey())) {
                    for (String phrasing : q.getValue()) {
                        tasks.add(new Task(i, q.getKey(), phrasing));
                    }
                }
            }
        }
        // Each task builds its own knowledge (a few milliseconds); the phrasings' meanings are read once for all.
        return tasks.parallelStream().map(t -> {
            KnowledgeEntry e = entries.get(t.index());
            List<KnowledgeEntry> without = new ArrayList<>(entries);
            without.set(t.index(), leaveOut(e, t.lang(), t.phrasing()));
            return ask(new Knowledge(without, meaning), e, t.lang(), t.phrasing());
        }).toList();
    }

    /** The counts per language, in {@link Knowledge#LANGUAGE_ORDER} (any other language after, by name). */
    public static List<Figures> figures(List<Asked> asked) {
        Map<String, Map<Outcome, Integer>> byLang = new TreeMap<>(java.util.Comparator.comparingInt(KnowledgeCheck::order)
                .thenComparing(java.util.Comparator.naturalOrder()));
        for (Asked a : asked) {
            byLang.computeIfAbsent(a.lang(), l -> new LinkedHashMap<>()).merge(a.outcome(), 1, Integer::sum);
        }
        return byLang.entrySet().stream().map(x -> new Figures(x.getKey(), x.getValue())).toList();
    }

    private static int order(String lang) {
        int i = Knowledge.LANGUAGE_ORDER.indexOf(lang);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private static Asked ask(Knowledge k, KnowledgeEntry e, String lang, String phrasing) {
        List<Knowledge.Match> found = k.search(phrasing, lang, 2);
        if (found.isEmpty()) {
            return new Asked(e, lang, phrasing, Outcome.NOTHING, null, 0, 0);
        }
        Knowledge.Match first = found.get(0);
        boolean own = first.entry().id().equals(e.id());
        Outcome o = own ? (first.confident() ? Outcome.OWN : Outcome.OWN_UNSURE) : (first.confident() ? Outcome.WRONG : Outcome.OTHER_UNSURE);
        return new Asked(e, lang, phrasing, o, first.entry().id(), first.score(), found.size() > 1 ? found.get(1).score() : 0);
    }

    private static KnowledgeEntry leaveOut(KnowledgeEntry e, String lang, String phrasing) {
        Map<String, List<String>> questions = new LinkedHashMap<>(e.questions());
        List<String> rest = new ArrayList<>(questions.get(lang));
        rest.remove(phrasing);
        if (rest.isEmpty()) {
            questions.remove(lang);
        } else {
            questions.put(lang, rest);
        }
        return new KnowledgeEntry(e.id(), e.topic(), e.link(), questions, e.answers(), e.file(), e.line());
    }

    /** The figures per language and the phrasings answered wrongly (with {@code unsure}, also those no entry was sure of). */
    public static void report(List<Asked> asked, boolean unsure, java.io.PrintStream out) {
        out.println("Each phrasing asked with itself left out of its entry, as the next customer who asks it in other words:");
        out.printf("%-4s %9s %16s %16s %16s %16s%n", "lang", "phrasings", "sure, right", "sure, wrong", "unsure", "nothing found");
        for (Figures f : figures(asked)) {
            int n = f.phrasings();
            out.printf("%-4s %9d %16s %16s %16s %16s%n", f.lang(), n, cell(f, n, Outcome.OWN), cell(f, n, Outcome.WRONG),
                    cell(f, n, Outcome.OWN_UNSURE, Outcome.OTHER_UNSURE), cell(f, n, Outcome.NOTHING));
        }
        List<Asked> wrong = asked.stream().filter(a -> a.outcome() == Outcome.WRONG).toList();
        out.println();
        out.println(wrong.isEmpty() ? "No phrasing is answered by another entry."
                : "Answered by another entry (fix these first: a customer asking so would get that entry's answer in public;"
                        + " add phrasings that tell the two apart, or reword):");
        wrong.forEach(a -> out.println("  " + line(a)));
        if (unsure) {
            out.println();
            out.println("No entry sure (a person picks from the entries offered); first offered:");
            asked.stream().filter(a -> a.outcome() == Outcome.OWN_UNSURE || a.outcome() == Outcome.OTHER_UNSURE)
                    .forEach(a -> out.println("  " + line(a)));
        }
    }

    private static String cell(Figures f, int n, Outcome... outcomes) {
        int c = java.util.Arrays.stream(outcomes).mapToInt(o -> f.counts().getOrDefault(o, 0)).sum();
        return String.format(java.util.Locale.ROOT, "%d (%.1f %%)", c, n == 0 ? 0.0 : 100.0 * c / n);
    }

    private static String line(Asked a) {
        return String.format(java.util.Locale.ROOT, "%s, %s [%s] \"%s\" -> %s (%.2f, next %.2f)", a.entry().file(), a.entry().id(),
                a.lang(), a.phrasing(), a.found(), a.score(), a.next());
    }

    /** A customer's question and the entry that answers it: a set operators keep to see the knowledge still answers it. */
    public record Question(String id, String lang, String text) {}

    /**
     * The questions of a JSON-lines file ({@code {"id": entry, "lang", "text"}}), each checked as it is read: a line a person
     * must fix is named with its file and line.
     */
    public static List<Question> readQuestions(java.nio.file.Path file, java.util.Set<String> entryIds) throws java.io.IOException {
        List<Question> out = new ArrayList<>();
        List<String> lines = java.nio.file.Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            com.fasterxml.jackson.databind.JsonNode n;
            try {
                n = json.readTree(lines.get(i));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new KnowledgeException(file.toString(), i + 1, "not a JSON object: " + e.getOriginalMessage());
            }
            String id = n.path("id").asText(""), lang = n.path("lang").asText(""), text = n.path("text").asText("");
            if (id.isEmpty() || lang.isEmpty() || text.isBlank()) {
                throw new KnowledgeException(file.toString(), i + 1, "needs \"id\" (the entry that answers it), \"lang\" and \"text\"");
            }
            if (!Knowledge.LANGUAGES.contains(lang)) {
                throw new KnowledgeException(file.toString(), i + 1, "lang '" + lang + "' is not one of " + Knowledge.LANGUAGE_ORDER);
            }
            if (!entryIds.contains(id)) {
                throw new KnowledgeException(file.toString(), i + 1, "no knowledge entry has id '" + id + "'");
            }
            out.add(new Question(id, lang, text));
        }
        return out;
    }

    /**
     * Each question searched as a post: whether its entry comes first, and whether a draft would carry an answer surely
     * ({@code sure}: the rules' own test, with everything that keeps an answer from a post), its own or another entry's.
     */
    public static List<Asked> askQuestions(Knowledge k, List<Question> questions,
                                           java.util.function.BiFunction<String, String, java.util.Optional<Knowledge.Match>> sure) {
        return questions.stream().map(q -> {
            KnowledgeEntry e = k.entry(q.id()).orElseThrow();
            List<Knowledge.Match> found = k.search(q.text(), q.lang(), 2);
            java.util.Optional<Knowledge.Match> answer = sure.apply(q.text(), q.lang());
            String first = found.isEmpty() ? null : found.get(0).entry().id();
            Outcome o = answer.isPresent() ? (answer.get().entry().id().equals(e.id()) ? Outcome.OWN : Outcome.WRONG)
                    : first == null ? Outcome.NOTHING : first.equals(e.id()) ? Outcome.OWN_UNSURE : Outcome.OTHER_UNSURE;
            return new Asked(e, q.lang(), q.text(), o, answer.map(m -> m.entry().id()).orElse(first),
                    found.isEmpty() ? 0 : found.get(0).score(), found.size() > 1 ? found.get(1).score() : 0);
        }).toList();
    }

    /** Per language: how many questions found their entry first, surely, and how many another entry surely. */
    public static void reportQuestions(List<Asked> asked, java.io.PrintStream out) {
        out.println("Questions with the entry that answers them, searched as posts:");
        out.printf("%-4s %9s %16s %16s %16s%n", "lang", "questions", "first, right", "sure, right", "sure, wrong");
        for (Figures f : figures(asked)) {
            int n = f.phrasings();
            out.printf("%-4s %9d %16s %16s %16s%n", f.lang(), n, cell(f, n, Outcome.OWN, Outcome.OWN_UNSURE), cell(f, n, Outcome.OWN),
                    cell(f, n, Outcome.WRONG));
        }
        asked.stream().filter(a -> a.outcome() == Outcome.WRONG).forEach(a -> out.println("  answered by another entry: " + line(a)));
    }
}
