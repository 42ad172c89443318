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
    private final Threads threads;
    private final Clock clock;

    /**
     * @param rules   the rule book in force (a supplier, so a reload takes effect on the next mention)
     * @param threads what came before a post in its thread (the rules and the draft read it)
     */
    public DecisionStep(Supplier<RuleBook> rules, MentionStore mentions, Threads threads, Clock clock) {
        this.rules = rules;
        this.mentions = mentions;
        this.threads = threads;
        this.clock = clock;
    }

    public Triage decide(Triage triage) {
        RuleBook book = rules.get();
        Triage read = triage.withConversation(threads.before(triage.mention()));
        Decision decision = book.decide(facts(book, read));
        mentions.saveDecision(triage.mention().platform(), triage.mention().id(), decision);
        return read.withDecision(decision);
    }

    Facts facts(RuleBook book, Triage triage) {
        Instant now = clock.instant();
        Mention m = triage.mention();
        Instant posted = m.createdAt() != null ? m.createdAt() : now;
        int recent = mentions.postsByAuthor(m.platform(), m.author().id(), posted.minus(book.settings().repeatWindow()), posted, m.id());
        return new Facts(m, triage.analysis(), now, recent, triage.conversation());
    }
}
