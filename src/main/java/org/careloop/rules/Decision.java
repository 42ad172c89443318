package org.careloop.rules;

import java.util.List;
import java.util.Locale;

/**
 * What the rules decided for one mention, kept with the rule that made it so the console can say why.
 *
 * @param ruleId      the id of the matched rule (file-unique)
 * @param action      what to do
 * @param templates   the reply template, or several when the rule runs an A/B test; empty for ignore
 * @param reason      why, in words (e.g. "spam: link to a giveaway")
 * @param priority    how urgent the reply is, after the time left
 * @param escalate    alert the team (console and webhook) as well
 * @param marketing   pass the post to marketing's praise feed
 * @param autoPublish whether unattended mode may publish the reply without a person
 * @param knowledgeId the knowledge entry the reply answers with, or null
 */
public record Decision(String ruleId, Action action, List<String> templates, String reason, Priority priority,
                       boolean escalate, boolean marketing, boolean autoPublish, String knowledgeId) {

    public Decision {
        templates = templates == null ? List.of() : List.copyOf(templates);
        priority = priority == null ? Priority.NORMAL : priority;
    }

    /** A plain reply or ignore decision at normal priority. */
    public Decision(String ruleId, Action action, String templateId, String reason) {
        this(ruleId, action, templateId == null ? List.of() : List.of(templateId), reason, Priority.NORMAL, false, false, true, null);
    }

    /** The first (or only) template; null for ignore. */
    public String templateId() {
        return templates.isEmpty() ? null : templates.get(0);
    }

    /** True when the rule asks for a public reply (a ticket's reply included). */
    public boolean wantsReply() {
        return action == Action.REPLY || action == Action.TICKET;
    }

    public enum Action {
        /** Draft a public reply from a template (or a knowledge entry's answer). */
        REPLY,
        /** Open a ticket and reply publicly with its link (tickets come with their own issue; until then recorded). */
        TICKET,
        /** Do nothing, recorded with its reason (troll, spam, retweet). */
        IGNORE,
        /** No reply, and hide the comment on its platform (Facebook, Instagram), recorded with its reason; never deleted. */
        HIDE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Ordering after the time left: urgent first. */
    public enum Priority {
        URGENT, HIGH, NORMAL, LOW;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
