package org.careloop.pipeline;

import org.careloop.care.SurgeWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pipeline step: counts the post in its topic's and its care action's posts per minute, and checks
 * them for a surge now and then. It never stops the post: a failure is logged and the post goes on.
 */
public final class SurgeStep {

    private static final Logger LOG = LoggerFactory.getLogger(SurgeStep.class);

    private final SurgeWatch watch;

    public SurgeStep(SurgeWatch watch) {
        this.watch = watch;
    }

    public Triage count(Triage triage) {
        try {
            watch.count(triage.mention(), triage.analysis());
        } catch (RuntimeException e) {
            LOG.warn("{} post {} was not counted for surges: {}", triage.mention().platform().id(), triage.mention().id(), e.toString());
        }
        return triage;
    }
}
