package org.careloop.rules;

import java.util.List;
import java.util.function.Predicate;

/**
 * One rule: conditions on the post, its analysis and its author (all must hold; a rule without
 * conditions matches every post), and what to do when they do.
 *
 * @param id         unique in the rule book, stored with every decision it makes
 * @param line       where it starts in its file, for messages
 * @param conditions what must hold, each with the words a dry run shows
 * @param decision   what to do; for an {@code answer} rule, the knowledge entry that answers decides the reply
 * @param answer     true when the rule answers from the knowledge (a person picks the entry when none is sure)
 */
public record Rule(String id, int line, List<Condition> conditions, Decision decision, boolean answer) {

    /** One condition, e.g. {@code intent: question}. */
    public record Condition(String key, String value, Predicate<Facts> test) {

        @Override
        public String toString() {
            return key + ": " + value;
        }
    }

    boolean matches(Facts facts) {
        for (Condition c : conditions) {
            if (!c.test().test(facts)) {
                return false;
            }
        }
        return true;
    }
}
