package org.careloop.pipeline;

import org.careloop.analysis.Analysis;
import org.careloop.platform.Conversation;
import org.careloop.platform.Mention;
import org.careloop.rules.Decision;

/**
 * A mention as it moves through the pipeline: first the post, then what the analysis understood,
 * then what the rules decided, with what came before it in its thread. Each step returns a new value,
 * so a step can be tested alone.
 */
public record Triage(Mention mention, Analysis analysis, Decision decision, Conversation conversation) {

    public Triage {
        conversation = conversation == null ? Conversation.NONE : conversation;
    }

    public Triage(Mention mention, Analysis analysis, Decision decision) {
        this(mention, analysis, decision, Conversation.NONE);
    }

    public static Triage of(Mention mention) {
        return new Triage(mention, null, null);
    }

    public Triage withAnalysis(Analysis a) {
        return new Triage(mention, a, decision, conversation);
    }

    public Triage withDecision(Decision d) {
        return new Triage(mention, analysis, d, conversation);
    }

    public Triage withConversation(Conversation c) {
        return new Triage(mention, analysis, decision, c);
    }

    /** True when the rules asked for a public reply. */
    public boolean wantsReply() {
        return decision != null && decision.wantsReply();
    }
}
