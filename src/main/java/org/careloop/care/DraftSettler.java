package org.careloop.care;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What becomes of a new draft, a reply or a ticket's closing message alike: unattended mode approves
 * it when every gate passes, else it waits for a person with the reasons why (a pending reply's SLA
 * milestones are found by {@link SlaWatch#sweep}). The draft step and the ticket desk both settle their drafts here, so neither needs the other.
 */
public final class DraftSettler {

    private static final Logger LOG = LoggerFactory.getLogger(DraftSettler.class);

    private final DraftStore drafts;
    private final UnattendedGate gate;
    private final Clock clock;

    public DraftSettler(DraftStore drafts, UnattendedGate gate, Clock clock) {
        this.drafts = drafts;
        this.gate = gate;
        this.clock = clock;
    }

    /** Unattended mode: publish when every gate passes, else record why a person is needed. */
    public Draft settle(Draft draft) {
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
        return drafts.find(draft.id()).orElse(draft);
    }
}
