package org.careloop.rules;

import java.util.Locale;

/**
 * What the rules decided for one mention, kept with the rule that made it so the console can say why.
 *
 * @param ruleId     the id of the matched rule (file-unique)
 * @param action     what to do
 * @param templateId the reply template, for {@link Action#REPLY}; else null
 * @param reason     why, in words (e.g. "spam: link to a giveaway")
 */
public record Decision(String ruleId, Action action, String templateId, String reason) {

    public enum Action {
        /** Draft a public reply from a template. */
        REPLY,
        /** Do nothing, recorded with its reason (troll, spam, retweet). */
        IGNORE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
