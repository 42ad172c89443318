package org.careloop.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One of the brand's public answers, as operators write it in {@code rules/knowledge/*.yaml}.
 *
 * @param id        unique across the knowledge files, e.g. {@code checked-bags}
 * @param topic     what it is about, in words a care lead reads in the console
 * @param link      where the customer reads more (appended to the answer), or null
 * @param questions how customers ask it, per language
 * @param answers   the public answer, per language: one post
 * @param file      the file it was read from, and its line, for messages a person acts on
 */
public record KnowledgeEntry(String id, String topic, String link, Map<String, List<String>> questions,
                             Map<String, String> answers, String file, int line) {

    public KnowledgeEntry {
        questions = Map.copyOf(questions);
        answers = Map.copyOf(answers);
    }

    /** The answer in this language; never another language's (an English reply to a Persian post is a wrong reply). */
    public Optional<String> answer(String lang) {
        return Optional.ofNullable(lang == null ? null : answers.get(lang));
    }
}
