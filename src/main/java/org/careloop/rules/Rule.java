package org.careloop.rules;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.careloop.analysis.Analysis;
import org.careloop.platform.Mention;

/**
 * One rule: conditions on the post and its analysis (all must hold; an absent condition always
 * holds), and what to do when they do.
 *
 * @param id        unique in the rule book, stored with every decision it makes
 * @param line      where it starts in its file, for messages
 * @param languages post language is one of these (empty: any)
 * @param sentiments sentiment label is one of these (empty: any)
 * @param intents   the analysis's intent is one of these (empty: any)
 * @param emotions  the analysis's emotion is one of these (empty: any)
 * @param troll     the analysis calls it trolling (true), or not (false); null: either
 * @param keywords  the text contains one of these, case-insensitive (empty: any)
 * @param regex     the text matches this (null: any)
 * @param decision  what to do
 */
public record Rule(String id, int line, Set<String> languages, Set<String> sentiments, Set<String> intents,
                   Set<String> emotions, Boolean troll, List<String> keywords, Pattern regex, Decision decision) {

    boolean matches(Mention mention, Analysis analysis) {
        String text = mention.text() == null ? "" : mention.text().toLowerCase(Locale.ROOT);
        if (!languages.isEmpty() && !languages.contains(analysis.lang())) {
            return false;
        }
        if (!sentiments.isEmpty() && !sentiments.contains(analysis.sentiment().label().id())) {
            return false;
        }
        if (!intents.isEmpty() && !intents.contains(analysis.intent().label().id())) {
            return false;
        }
        if (!emotions.isEmpty() && !emotions.contains(analysis.emotion().label().id())) {
            return false;
        }
        if (troll != null && troll != analysis.troll().label()) {
            return false;
        }
        if (!keywords.isEmpty() && keywords.stream().noneMatch(text::contains)) {
            return false;
        }
        return regex == null || regex.matcher(mention.text() == null ? "" : mention.text()).find();
    }
}
