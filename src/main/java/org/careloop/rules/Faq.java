package org.careloop.rules;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The knowledge base the {@code faq} action answers from ({@code rules/faq.yaml}): each entry
 * recognises its question by keywords or a regular expression and answers with its template,
 * {@code templates/<lang>/faq-<id>.mustache}.
 */
public record Faq(List<Entry> entries) {

    public static final Faq EMPTY = new Faq(List.of());

    /** @param question the question in words, for the console and the docs */
    public record Entry(String id, String question, List<String> keywords, Pattern regex) {

        public String templateId() {
            return "faq-" + id;
        }

        boolean answers(String text) {
            String lower = text.toLowerCase(Locale.ROOT);
            return keywords.stream().anyMatch(lower::contains) || (regex != null && regex.matcher(text).find());
        }
    }

    /** The first entry that recognises the post. */
    public Optional<Entry> answer(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return entries.stream().filter(e -> e.answers(text)).findFirst();
    }
}
