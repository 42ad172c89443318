package org.careloop.care;

/** Starts a draft's SLA timers (warning, holding reply, breach); they fire {@link SlaWatch}. */
public interface SlaTimers {

    void watch(Draft draft);

    /** For tools that run the pipeline without timers (dry runs). */
    SlaTimers NONE = draft -> { };
}
