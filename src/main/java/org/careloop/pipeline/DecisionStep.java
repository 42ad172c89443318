package org.careloop.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import org.careloop.platform.Mention;
import org.careloop.rules.Decision;
import org.careloop.rules.Facts;
import org.careloop.rules.RuleBook;

/**
 * Pipeline step: applies the rules in force to an analysed mention and keeps the decision, with
 * the rule that made it, so the console can say why.
 */
public final class DecisionStep {

    private final Supplier<RuleBook> rules;
    private final MentionStore mentions;
    private final Clock clock;

    /** @param rules the rule book in force (a supplier, so a reload takes effect on the next mention) */
    public DecisionStep(Supplier<RuleBook> rules, MentionStore mentions, Clock clock) {
        this.rules = rules;
        this.mentions = mentions;
        this.clock = clock;
    }

    public Triage decide(Triage triage) {
        RuleBook book = rules.get();
        Decision decision = book.decide(facts(book, triage));
        mentions.saveDecision(triage.mention().platform(), triage.mention().id(), decision);
        return triage.withDecision(decision);
    }

    Facts facts(RuleBook book, Triage triage) {
        Instant now = clock.instant();
        Mention m = triage.mention();
        Instant posted = m.createdAt() != null ? m.createdAt() : now;
        int recent = mentions.postsByAuthor(m.platform(), m.author().id(), posted.minus(book.settings().repeatWindow()), posted, m.id());
        return new Facts(m, triage.analysis(), now, recent);
    }
}
