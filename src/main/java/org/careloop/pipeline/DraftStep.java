package org.careloop.pipeline;

import java.time.Clock;
import org.careloop.care.Draft;
import org.careloop.care.DraftStatus;
import org.careloop.care.Drafter;
import org.careloop.care.SlaTimers;
import org.careloop.care.TicketLink;
import org.careloop.care.UnattendedGate;
import org.careloop.care.Alerts;
import org.careloop.care.DraftStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pipeline step: turns a reply decision into a stored draft, then either publishes it on its own
 * (unattended mode, when every gate passes) or leaves it in the queue with the reasons why, and
 * starts the draft's SLA timers.
 */
public final class DraftStep {

    private static final Logger LOG = LoggerFactory.getLogger(DraftStep.class);

    private final Drafter drafter;
    private final DraftStore drafts;
    private final UnattendedGate gate;
    private final SlaTimers timers;
    private final Alerts alerts;
    private final Clock clock;
    private TicketLink tickets;

    public DraftStep(Drafter drafter, DraftStore drafts, UnattendedGate gate, SlaTimers timers, Alerts alerts, Clock clock) {
        this.drafter = drafter;
        this.drafts = drafts;
        this.gate = gate;
        this.timers = timers;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** Set once at start-up: the ticket desk needs this step to settle its closing messages, and this step needs the desk. */
    public void ticketsBy(TicketLink link) {
        this.tickets = link;
    }

    public Draft draft(Triage triage) {
        var m = triage.mention();
        var earlier = drafts.replyTo(m.platform().id(), m.id());
        if (earlier.isPresent()) {
            // A triage tried again after it failed past this step: the draft stands, no second one.
            return earlier.get().status() == DraftStatus.PENDING ? decideAlone(earlier.get()) : earlier.get();
        }
        TicketLink.Linked ticket = triage.decision().action() == org.careloop.rules.Decision.Action.TICKET && tickets != null
                ? tickets.link(m, triage.analysis(), triage.decision()) : null;
        Draft drafted = drafter.draft(m, triage.analysis(), triage.decision(), clock.instant(),
                recentReplies(m), ticket == null ? java.util.Map.of() : ticket.values());
        if (ticket != null) {
            drafted = drafted.withWork(drafted.work().withTicket(ticket.ticketId()));
        }
        Draft draft = drafts.create(drafted);
        if (draft.work().escalated()) {
            alerts.raise("escalation", draft.id(), "Rule " + draft.ruleId() + " escalated @" + m.author().handle() + ": " + abbreviate(m.text()));
        }
        return decideAlone(draft);
    }

    /** The author's latest replies first (never the same text twice in a row), then everything the account said in a day. */
    private java.util.List<String> recentReplies(org.careloop.platform.Mention m) {
        java.util.List<String> recent = new java.util.ArrayList<>(drafts.recentRepliesTo(m.platform().id(), m.author().id(), 5));
        recent.addAll(drafts.repliesOnAccountSince(m.platform().id(), m.account(), clock.instant().minus(java.time.Duration.ofHours(24))));
        return recent;
    }

    /** Unattended mode: publish when every gate passes, else record why a person is needed. */
    public Draft decideAlone(Draft draft) {
        UnattendedGate.Verdict verdict = gate.check(draft);
        if (verdict.pass()) {
            var approved = drafts.approve(draft.id(), Draft.AUTO, null, clock.instant());
            if (approved.isPresent()) {
                LOG.info("Draft {} approved by unattended mode", draft.id());
                return approved.get();
            }
        } else if (gate.policy().enabledFor(draft.mention().account())) {
            drafts.holdForPerson(draft.id(), String.join("; ", verdict.reasons()));
        }
        if (draft.work().kind() == Draft.Kind.REPLY) {
            timers.watch(draft); // the SLA is about the first response; a closing message has none
        }
        return drafts.find(draft.id()).orElse(draft);
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 80 ? String.valueOf(text) : text.substring(0, 79) + "…";
    }
}
