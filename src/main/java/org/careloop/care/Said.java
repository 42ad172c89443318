package org.careloop.care;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an account said lately, as drafting asks it: a reply is never the text this customer had last,
 * and rather not any text the account said within the day (X refuses a repeat; a team should not sound
 * like a form). Asked about a reply's few candidate texts, not listed whole: on a busy account the
 * day's replies run to thousands.
 */
public interface Said {

    /** The text last said to this customer, or "" when none. */
    String last();

    /** Those of {@code texts} the account said: to this customer lately, or to anyone within the day. */
    Set<String> among(List<String> texts);

    /** The texts of a list, newest first: for the dry run and the console, which keep their own. */
    static Said of(List<String> texts) {
        return new Said() {
            @Override
            public String last() {
                return texts.isEmpty() ? "" : texts.get(0);
            }

            @Override
            public Set<String> among(List<String> candidates) {
                Set<String> said = new HashSet<>(candidates);
                said.retainAll(texts);
                return said;
            }
        };
    }
}
