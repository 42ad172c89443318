package org.careloop.rules;

import java.util.function.Supplier;
import org.careloop.care.Triage;
import org.careloop.store.MentionStore;

/**
 * Pipeline step: applies the rules in force to an analysed mention and keeps the decision, with
 * the rule that made it, so the console can say why.
 */
public final class DecisionStep {

    private final Supplier<RuleBook> rules;
    private final MentionStore mentions;

    /** @param rules the rule book in force (a supplier, so a reload takes effect on the next mention) */
    public DecisionStep(Supplier<RuleBook> rules, MentionStore mentions) {
        this.rules = rules;
        this.mentions = mentions;
    }

    public Triage decide(Triage triage) {
        Decision decision = rules.get().decide(triage.mention(), triage.analysis());
        mentions.saveDecision(triage.mention().platform(), triage.mention().id(), decision);
        return triage.withDecision(decision);
    }
}
