package org.careloop.care;

import java.time.Clock;
import org.careloop.store.DraftStore;

/** Pipeline step: turns a reply decision into a stored draft waiting for approval. */
public final class DraftStep {

    private final Drafter drafter;
    private final DraftStore drafts;
    private final Clock clock;

    public DraftStep(Drafter drafter, DraftStore drafts, Clock clock) {
        this.drafter = drafter;
        this.drafts = drafts;
        this.clock = clock;
    }

    public Draft draft(Triage triage) {
        return drafts.create(drafter.draft(triage.mention(), triage.analysis(), triage.decision(), clock.instant()));
    }
}
