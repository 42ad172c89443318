package org.careloop.pipeline;

import java.time.Clock;
import org.careloop.care.Draft;
import org.careloop.care.DraftSettler;
import org.careloop.care.DraftStatus;
import org.careloop.care.Drafter;
import org.careloop.care.TicketLink;
import org.careloop.care.Alerts;
import org.careloop.care.DraftStore;
import org.careloop.care.UnsaidReplies;
import org.careloop.metrics.CareMetrics;

/**
 * Pipeline step: turns a reply decision into a stored draft, then either publishes it on its own
 * (unattended mode, when every gate passes) or leaves it in the queue with the reasons why, and
 * starts the draft's SLA timers.
 */
public final class DraftStep {

    private final Drafter drafter;
    private final DraftStore drafts;
    private final UnsaidReplies unsaid;
    private final DraftSettler settler;
    private final TicketLink tickets;
    private final Alerts alerts;
    private final Clock clock;
    private volatile CareMetrics metrics = CareMetrics.NONE;
    private volatile java.util.function.UnaryOperator<Draft> answered = d -> d;

    /**
     * @param unsaid drafts in words the account has not used (its texts taken across nodes before a draft is stored)
     * @param settler what becomes of a new draft (unattended mode, else the queue; SLA timers), shared with the ticket desk
     * @param tickets opens or joins the ticket of a reply whose rule says {@code ticket}; null: no tickets
     */
    public DraftStep(Drafter drafter, DraftStore drafts, UnsaidReplies unsaid, DraftSettler settler, TicketLink tickets, Alerts alerts, Clock clock) {
        this.drafter = drafter;
        this.drafts = drafts;
        this.unsaid = unsaid;
        this.settler = settler;
        this.tickets = tickets;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** Counts the drafts created, by care action. */
    public DraftStep withMetrics(CareMetrics metrics) {
        this.metrics = metrics;
        return this;
    }

    /** New drafts for posts the team has answered on the platform itself already are withdrawn at once. */
    public DraftStep withAnsweredOnPlatform(org.careloop.care.AnsweredOnPlatform answeredOnPlatform) {
        this.answered = answeredOnPlatform::settle;
        return this;
    }

    public Draft draft(Triage triage) {
        var m = triage.mention();
        var earlier = drafts.replyTo(m.platform().id(), m.id());
        if (earlier.isPresent()) {
            // A triage tried again after it failed past this step: the draft stands, no second one.
            return earlier.get().status() == DraftStatus.PENDING ? settler.settle(earlier.get()) : earlier.get();
        }
        TicketLink.Linked ticket = triage.decision().action() == org.careloop.rules.Decision.Action.TICKET && tickets != null
                ? tickets.link(m, triage.analysis(), triage.decision()) : null;
        java.util.Map<String, String> values = ticket == null ? java.util.Map.of() : ticket.values();
        Draft drafted = unsaid.draft(m, said -> drafter.draft(m, triage.analysis(), triage.decision(), clock.instant(), said, values, triage.conversation()));
        if (ticket != null && ticket.ticketId() != null) {
            drafted = drafted.withWork(drafted.work().withTicket(ticket.ticketId()));
        }
        Draft draft = drafts.create(drafted);
        metrics.draftCreated(m.platform().id(), triage.decision().action().name().toLowerCase(java.util.Locale.ROOT));
        // Read late (the team's reply came first): a person has answered, so the draft never reaches the queue.
        Draft settled = answered.apply(draft);
        if (settled.status() != draft.status()) {
            return settled;
        }
        if (draft.work().escalated()) {
            alerts.raise("escalation", draft.id(), "Rule " + draft.ruleId() + " escalated @" + m.author().handle() + ": " + abbreviate(m.text()));
        }
        return settler.settle(draft);
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 80 ? String.valueOf(text) : text.substring(0, 79) + "…";
    }
}
